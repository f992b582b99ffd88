package dev.tunethemodel.client.error;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when the API responds with 401 or 403: the API key is missing, wrong, or not
 * allowed to do this.
 *
 * @since 0.1.0
 */
public class TuneTheModelAuthenticationException extends TuneTheModelApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for an error response.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param statusCode the HTTP status code
	 * @param responseBody the response body, empty when there was none
	 */
	public TuneTheModelAuthenticationException(String message, int statusCode, String responseBody) {
		super(message, statusCode, responseBody);
	}

	/**
	 * Create an exception for an error response with its headers.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param statusCode the HTTP status code
	 * @param responseBody the response body, empty when there was none
	 * @param responseHeaders the response headers, kept as a read-only copy
	 */
	public TuneTheModelAuthenticationException(String message, int statusCode, String responseBody,
			HttpHeaders responseHeaders) {
		super(message, statusCode, responseBody, responseHeaders);
	}

}
