package dev.tunethemodel.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Turns what went wrong in a call into the client's exceptions, with messages that say what
 * happened and never contain the API key.
 */
final class ApiErrors {

	static final int MAX_MESSAGE_BODY_BYTES = 1024;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final String REDACTED = "[API key]";

	private final String apiKey;

	private final Clock clock;

	ApiErrors(String apiKey, Clock clock) {
		this.apiKey = apiKey;
		this.clock = clock;
	}

	/**
	 * Return the exception for an error status.
	 * @param request the request, as in {@code GET /v0/models/{model}/status (model abc)}
	 * @param status the status of the answer
	 * @param headers the headers of the answer
	 * @param body the body of the answer, empty when there was none
	 * @return the exception that names the case
	 */
	TuneTheModelApiException statusError(String request, HttpStatusCode status, HttpHeaders headers, String body) {
		String responseBody = redact(body);
		String message = redact(request) + " failed with " + describe(status) + describeBody(responseBody);
		int code = status.value();
		if (code == 401 || code == 403) {
			return new TuneTheModelAuthenticationException(message, code, responseBody);
		}
		if (code == 404) {
			return new TuneTheModelNotFoundException(message, code, responseBody);
		}
		if (code == 429) {
			return new TuneTheModelRateLimitException(message, responseBody, retryAfter(headers));
		}
		if (status.is5xxServerError()) {
			return new TuneTheModelServerException(message, code, responseBody);
		}
		return new TuneTheModelApiException(message, code, responseBody);
	}

	/**
	 * Return the exception for a call that failed without an error status: the API could not
	 * be reached, or its answer could not be read.
	 * @param request the request, as in {@code GET /v0/models}
	 * @param what what failed, as in {@code failed} or {@code answered with a body that cannot be read}
	 * @param cause the cause
	 * @return the exception
	 */
	TuneTheModelException failure(String request, String what, Throwable cause) {
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		String message = redact(request + " " + what + ": " + oneLine(reason));
		if (mentionsApiKey(cause)) {
			// a cause that quotes an echoed key would show it in every stack trace
			return new TuneTheModelException(message + " (cause withheld: it contains the API key)");
		}
		return new TuneTheModelException(message, cause);
	}

	private boolean mentionsApiKey(Throwable cause) {
		for (Throwable current = cause; current != null; current = current.getCause()) {
			if (current.getMessage() != null && current.getMessage().contains(this.apiKey)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			return retryAfterDate(trimmed);
		}
	}

	private @Nullable Duration retryAfterDate(String value) {
		try {
			Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), until);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String redact(String text) {
		return text.replace(this.apiKey, REDACTED);
	}

	private static String describe(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? status.value() + " " + known.getReasonPhrase() : String.valueOf(status.value());
	}

	private static String describeBody(String body) {
		String text = oneLine(body);
		return text.isEmpty() ? " and no body" : ": " + abbreviate(text, MAX_MESSAGE_BODY_BYTES);
	}

	private static String oneLine(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	/**
	 * Return the longest start of the text that takes at most the given number of bytes in
	 * UTF-8, marked when something was cut.
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
