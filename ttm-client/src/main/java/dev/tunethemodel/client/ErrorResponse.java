package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

import dev.tunethemodel.client.error.TuneTheModelApiException;

/**
 * An error response of one attempt, before it is typed: the retry policy decides on it,
 * then it becomes a {@link TuneTheModelApiException} that counts the attempts.
 */
final class ErrorResponse extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatusCode status;

	private final String body;

	private final @Nullable Duration retryAfter;

	private final HttpHeaders headers;

	ErrorResponse(HttpStatusCode status, String body, @Nullable Duration retryAfter, HttpHeaders headers) {
		// no message, no stack trace: it never reaches the caller
		super(null, null, false, false);
		this.status = status;
		this.body = body;
		this.retryAfter = retryAfter;
		this.headers = headers;
	}

	HttpStatusCode status() {
		return this.status;
	}

	String body() {
		return this.body;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	HttpHeaders headers() {
		return this.headers;
	}

}
