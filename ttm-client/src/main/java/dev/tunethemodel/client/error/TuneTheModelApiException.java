package dev.tunethemodel.client.error;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when the API responds with an HTTP error status. Subclasses name the common
 * cases.
 *
 * @since 0.1.0
 */
public class TuneTheModelApiException extends TuneTheModelException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final String responseBody;

	private final HttpHeaders responseHeaders;

	/**
	 * Create an exception for an error response.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param statusCode the HTTP status code
	 * @param responseBody the response body, empty when there was none
	 */
	public TuneTheModelApiException(String message, int statusCode, String responseBody) {
		this(message, statusCode, responseBody, HttpHeaders.EMPTY);
	}

	/**
	 * Create an exception for an error response with its headers.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param statusCode the HTTP status code
	 * @param responseBody the response body, empty when there was none
	 * @param responseHeaders the response headers, kept as a read-only copy
	 */
	public TuneTheModelApiException(String message, int statusCode, String responseBody, HttpHeaders responseHeaders) {
		super(message);
		this.statusCode = statusCode;
		this.responseBody = responseBody;
		this.responseHeaders = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(responseHeaders));
	}

	/**
	 * Return the HTTP status code of the response.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Return the body of the response, empty when there was none.
	 * @return the response body
	 */
	public String responseBody() {
		return this.responseBody;
	}

	/**
	 * Return the headers of the response, such as the request id a gateway adds, with the
	 * API key masked wherever a server echoed it.
	 * @return the read-only response headers, empty when they were not given
	 */
	public HttpHeaders responseHeaders() {
		return this.responseHeaders;
	}

}
