package dev.tunethemodel.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the hostile suite: run by its own Surefire execution in 128 MiB
 * of heap with Netty's paranoid leak detection, failing on any leak report.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("hostile")
@ExtendWith(NettyLeakDetection.class)
public @interface HostileSuite {

}
