/**
 * An HTTP connector for WebClient on the JDK's {@code HttpClient} that releases
 * connections on cancel.
 */
@NullMarked
package dev.tunethemodel.client.http;

import org.jspecify.annotations.NullMarked;
