package dev.tunethemodel.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;

/**
 * Turns what went wrong in a call into the client's exceptions, with messages that say
 * what happened and never contain the API key, nor, for an upload, the query of its
 * pre-signed URL.
 */
final class ApiErrors {

	static final int MAX_MESSAGE_BODY_BYTES = 1024;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final String API_KEY = "[API key]";

	private static final String UPLOAD_URL_SECRET = "[upload URL secret]";

	// an access key, not a date or a region
	private static final int MIN_SECRET_PART_LENGTH = 16;

	private final List<SecretRedactor> redactors;

	private final URI server;

	private final Clock clock;

	/**
	 * Create the errors of the calls to a base URL.
	 * @param apiKey the API key, hidden in every message
	 * @param baseUrl the base URL, whose host and port the messages of transport failures
	 * name
	 * @param clock reads the dates of {@code Retry-After}
	 */
	ApiErrors(String apiKey, URI baseUrl, Clock clock) {
		this(List.of(new SecretRedactor(apiKey, API_KEY)), baseUrl, clock);
	}

	private ApiErrors(List<SecretRedactor> redactors, URI server, Clock clock) {
		this.redactors = redactors;
		this.server = server;
		this.clock = clock;
	}

	/**
	 * Return errors that also hide another API key, that of the calls of a view.
	 * @param apiKey the other key
	 * @return errors that hide both keys
	 */
	ApiErrors redactingApiKey(String apiKey) {
		List<SecretRedactor> redactors = new ArrayList<>(this.redactors);
		redactors.add(new SecretRedactor(apiKey, API_KEY));
		return new ApiErrors(List.copyOf(redactors), this.server, this.clock);
	}

	/**
	 * Return errors that also hide the query of an upload URL, as object stores echo it
	 * in their errors: the whole query, each value in it long enough to be a signature or
	 * a token, as sent and decoded, and each long part of a value between slashes, such
	 * as the access key of a credential. Transport failures name the upload URL's host
	 * and port.
	 * @param uploadUrl the pre-signed upload URL
	 * @return the errors of the upload
	 */
	ApiErrors redacting(URI uploadUrl) {
		String query = uploadUrl.getRawQuery();
		if (query == null) {
			return new ApiErrors(this.redactors, uploadUrl, this.clock);
		}
		Set<String> secrets = new LinkedHashSet<>();
		secrets.add(query);
		secrets.add(decoded(query));
		for (String parameter : query.split("&")) {
			String value = parameter.substring(parameter.indexOf('=') + 1);
			secrets.add(value);
			secrets.add(decoded(value));
			for (String part : decoded(value).split("/")) {
				if (part.length() >= MIN_SECRET_PART_LENGTH) {
					secrets.add(part);
				}
			}
		}
		List<SecretRedactor> redactors = new ArrayList<>(this.redactors);
		secrets.stream()
			.filter((secret) -> secret.length() >= SecretRedactor.MIN_CUT_LENGTH)
			.forEach((secret) -> redactors.add(new SecretRedactor(secret, UPLOAD_URL_SECRET)));
		return new ApiErrors(List.copyOf(redactors), uploadUrl, this.clock);
	}

	/**
	 * Return the error response of one attempt.
	 * @param status the status of the response
	 * @param headers the headers of the response
	 * @param body the start of the body of the response, empty when there was none
	 * @return the error response
	 */
	ErrorResponse errorResponse(HttpStatusCode status, HttpHeaders headers, String body) {
		return new ErrorResponse(status, redact(body),
				RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock.instant()), redact(headers));
	}

	// a server may echo the key in a header as in a body
	private HttpHeaders redact(HttpHeaders headers) {
		HttpHeaders redacted = new HttpHeaders();
		headers.forEach((name, values) -> values.forEach((value) -> redacted.add(name, redact(value))));
		return redacted;
	}

	/**
	 * Return the exception that ends a call after its last attempt failed.
	 * @param request the request, as in {@code GET /v0/models/{model}/status [abc]}
	 * @param failure the failure of the last attempt
	 * @param attempts how many attempts were made
	 * @return the exception that names the case
	 */
	TuneTheModelException callFailure(String request, Throwable failure, int attempts) {
		if (failure instanceof ErrorResponse response) {
			return statusError(request, response, attempts);
		}
		if (failure instanceof TuneTheModelException clientException) {
			return clientException;
		}
		String host = String.valueOf(this.server.getHost());
		String message = redact(request + " to " + address(host, this.server) + " failed" + attempts(attempts) + ": "
				+ Failures.reason(failure, host));
		Throwable cause = mentionsSecret(failure) ? null : failure;
		if (Failures.isUntrustedCertificate(failure) || Failures.isUnknownHost(failure)) {
			return new TuneTheModelConnectionException(message, cause);
		}
		if (Failures.isTimeout(failure)) {
			return new TuneTheModelTimeoutException(message, cause);
		}
		if (failure instanceof WebClientRequestException || Failures.isLostConnection(failure)) {
			return new TuneTheModelConnectionException(message, cause);
		}
		return new TuneTheModelException(message, cause);
	}

	/**
	 * Return the exception of a call that did not end within the client's timeout.
	 * @param request the request
	 * @param timeout the timeout
	 * @param attempts how many attempts were started
	 * @return the exception
	 */
	TuneTheModelTimeoutException timeout(String request, Duration timeout, int attempts) {
		return new TuneTheModelTimeoutException(redact(request) + " did not complete within " + format(timeout) + " ("
				+ attempts + ((attempts == 1) ? " attempt)" : " attempts)"), null);
	}

	/**
	 * Return the exception of a response that cannot be read.
	 * @param request the request
	 * @param cause why it cannot be read
	 * @return the exception
	 */
	TuneTheModelException unreadable(String request, Throwable cause) {
		String message = redact(request + " returned a body that cannot be read: " + reason(cause));
		if (mentionsSecret(cause)) {
			// a cause that quotes an echoed secret would show it in every stack trace
			return new TuneTheModelException(message + " (cause withheld: it contains a secret)");
		}
		return new TuneTheModelException(message, cause);
	}

	private TuneTheModelApiException statusError(String request, ErrorResponse response, int attempts) {
		String message = redact(request) + " failed with " + describe(response.status()) + attempts(attempts)
				+ describeBody(response.body());
		int code = response.status().value();
		if (code == 401 || code == 403) {
			return new TuneTheModelAuthenticationException(message, code, response.body(), response.headers());
		}
		if (code == 404) {
			return new TuneTheModelNotFoundException(message, code, response.body(), response.headers());
		}
		if (code == 429) {
			return new TuneTheModelRateLimitException(message, response.body(), response.retryAfter(),
					response.headers());
		}
		if (response.status().is5xxServerError()) {
			return new TuneTheModelServerException(message, code, response.body(), response.headers());
		}
		return new TuneTheModelApiException(message, code, response.body(), response.headers());
	}

	private boolean mentionsSecret(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && this.redactors.stream().anyMatch((redactor) -> redactor.isIn(message))) {
				return true;
			}
		}
		return false;
	}

	private String redact(String text) {
		String redacted = text;
		for (SecretRedactor redactor : this.redactors) {
			redacted = redactor.redact(redacted);
		}
		return redacted;
	}

	// a malformed escape leaves the value as it is: it is redacted as sent
	private static String decoded(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private static String reason(Throwable failure) {
		String reason = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		return oneLine(reason);
	}

	// the port the connection goes to, said also when the URL leaves it to the scheme
	private static String address(String host, URI server) {
		int port = server.getPort();
		if (port == -1) {
			port = "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
		}
		return host + ":" + port;
	}

	private static String attempts(int attempts) {
		return (attempts > 1) ? " after " + attempts + " attempts" : "";
	}

	static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	private static String describe(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? status.value() + " " + known.getReasonPhrase() : String.valueOf(status.value());
	}

	private static String describeBody(String body) {
		String text = oneLine(body);
		return text.isEmpty() ? " and no body" : ": " + abbreviate(text, MAX_MESSAGE_BODY_BYTES);
	}

	static String oneLine(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	/**
	 * Cut a text to a number of bytes.
	 * @param text the text
	 * @param maxBytes the maximum number of bytes it may take in UTF-8
	 * @return the longest start of the text within that many bytes, marked when something
	 * was cut
	 */
	static String abbreviate(String text, int maxBytes) {
		int bytes = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			bytes += utf8Length(codePoint);
			if (bytes > maxBytes) {
				return text.substring(0, i) + "… (" + (text.length() - i) + " more characters)";
			}
			i += Character.charCount(codePoint);
		}
		return text;
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

}
