package dev.tunethemodel.testsupport;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link HostileSuite} puts a test class of another package into the hostile
 * Surefire execution, which selects the tag {@code hostile}, with Netty's leak detection.
 */
class HostileSuiteTests {

	@Test
	void annotatedClassIsTaggedHostile() {
		assertThat(AnnotationSupport.findRepeatableAnnotations(AnnotatedTests.class, Tag.class)).extracting(Tag::value)
			.containsExactly("hostile");
	}

	@Test
	void annotatedClassDetectsLeaks() {
		assertThat(AnnotationSupport.findRepeatableAnnotations(AnnotatedTests.class, ExtendWith.class))
			.flatExtracting((extendWith) -> Arrays.asList(extendWith.value()))
			.containsExactly(NettyLeakDetection.class);
	}

	@HostileSuite
	static class AnnotatedTests {

	}

}
