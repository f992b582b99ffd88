package dev.tunethemodel.client.error;

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

}
