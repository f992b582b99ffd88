package dev.tunethemodel.client.error;

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

	/**
	 * Create an exception for an error response.
	 * @param message what went wrong: the request, the status and the start of the body
	 * @param statusCode the HTTP status code
	 * @param responseBody the response body, empty when there was none
	 */
	public TuneTheModelApiException(String message, int statusCode, String responseBody) {
		super(message);
		this.statusCode = statusCode;
		this.responseBody = responseBody;
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

}
