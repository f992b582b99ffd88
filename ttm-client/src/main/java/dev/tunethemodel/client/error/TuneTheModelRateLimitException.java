package dev.tunethemodel.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Thrown when the API responds with 429: too many requests.
 *
 * @since 0.1.0
 */
public class TuneTheModelRateLimitException extends TuneTheModelApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for a 429 response.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param responseBody the response body, empty when there was none
	 * @param retryAfter how long the API asked to wait, {@code null} when it did not say
	 */
	public TuneTheModelRateLimitException(String message, String responseBody, @Nullable Duration retryAfter) {
		super(message, 429, responseBody);
		this.retryAfter = retryAfter;
	}

	/**
	 * Create an exception for a 429 response with its headers.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param responseBody the response body, empty when there was none
	 * @param retryAfter how long the API asked to wait, {@code null} when it did not say
	 * @param responseHeaders the response headers, kept as a read-only copy
	 */
	public TuneTheModelRateLimitException(String message, String responseBody, @Nullable Duration retryAfter,
			HttpHeaders responseHeaders) {
		super(message, 429, responseBody, responseHeaders);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long the API asked to wait before the next request, from its
	 * {@code Retry-After} header: zero for a date in the past,
	 * {@code Duration.ofSeconds(Long.MAX_VALUE)} for a number of seconds too large for a
	 * {@code long}.
	 * @return the wait, or {@code null} when the API did not say or said it in a way that
	 * cannot be read
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
