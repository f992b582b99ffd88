package dev.tunethemodel.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A request the emulator's API received, as {@link TuneTheModelEmulator#requests()} lists
 * it: for a test to check what the application sent.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the path, such as {@code /v0/models/abc/bind}
 * @param body the body as it was sent, {@code null} when it had none or when the request
 * was refused for its key, before its body was read
 * @since 0.1.0
 */
public record EmulatorRequest(String method, String path, @Nullable String body) {

}
