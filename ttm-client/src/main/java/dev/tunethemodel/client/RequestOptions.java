package dev.tunethemodel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogFormatUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedCaseInsensitiveMap;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;

/**
 * What the calls of operations {@link TuneTheModelOperations#withOptions returned by
 * withOptions} change from the client's own settings: the API key, the timeout, the retry
 * settings and headers added to every API request. What is not set stays the client's.
 * <pre class="code">
 * RequestOptions options = RequestOptions.builder()
 *     .apiKey(tenant.apiKey())
 *     .timeout(Duration.ofSeconds(5))
 *     .header("X-Request-Id", requestId)
 *     .build();
 * </pre> Everything is checked as it is set, before any request: a header that carries
 * credentials or changes how the request is sent, such as {@code Authorization} or
 * {@code Content-Type}, is refused. Immutable; {@link #toString()} shows neither the key
 * nor the values of the headers.
 *
 * @since 0.1.0
 */
public final class RequestOptions {

	private static final RequestOptions NONE = new RequestOptions(null, null, null, Map.of());

	// the token characters of RFC 9110 besides letters and digits
	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private static final Map<String, String> REFUSED_HEADERS = refusedHeaders();

	private final @Nullable String apiKey;

	private final @Nullable Duration timeout;

	private final @Nullable RetrySettings retrySettings;

	private final Map<String, List<String>> headers;

	private RequestOptions(@Nullable String apiKey, @Nullable Duration timeout, @Nullable RetrySettings retrySettings,
			Map<String, List<String>> headers) {
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.retrySettings = retrySettings;
		this.headers = headers;
	}

	/**
	 * Return a builder of options.
	 * @return a new builder, with nothing set
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return options that change nothing.
	 * @return the options with nothing set
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Return the API key sent instead of the client's.
	 * @return the key, {@code null} for the client's
	 */
	public @Nullable String apiKey() {
		return this.apiKey;
	}

	/**
	 * Return the longest time a call may take, its retries included.
	 * @return the timeout, {@code null} for the client's
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return when failed requests are retried.
	 * @return the retry settings, {@code null} for the client's
	 */
	public @Nullable RetrySettings retrySettings() {
		return this.retrySettings;
	}

	/**
	 * Return the headers added to every API request, their names matched in any case.
	 * @return the read-only headers, each with its values in the order they were added;
	 * empty when none are added
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return these options with the given ones applied over them: each value the given
	 * options set wins, and their headers replace those of the same name.
	 * @param later the options applied over these
	 * @return the merged options
	 */
	RequestOptions mergedWith(RequestOptions later) {
		if (this == NONE || later == NONE) {
			return (this == NONE) ? later : this;
		}
		Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(Locale.ROOT);
		headers.putAll(this.headers);
		headers.putAll(later.headers);
		return new RequestOptions((later.apiKey != null) ? later.apiKey : this.apiKey,
				(later.timeout != null) ? later.timeout : this.timeout,
				(later.retrySettings != null) ? later.retrySettings : this.retrySettings,
				Collections.unmodifiableMap(headers));
	}

	/**
	 * Return the headers the options add to an API request: the added headers and the
	 * key, as {@code Authorization}.
	 * @return the read-only headers, {@code null} when the options add none
	 */
	@Nullable HttpHeaders requestHeaders() {
		if (this.apiKey == null && this.headers.isEmpty()) {
			return null;
		}
		HttpHeaders headers = new HttpHeaders();
		this.headers.forEach(headers::put);
		if (this.apiKey != null) {
			headers.set(HttpHeaders.AUTHORIZATION, this.apiKey);
		}
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof RequestOptions options && Objects.equals(this.apiKey, options.apiKey)
				&& Objects.equals(this.timeout, options.timeout)
				&& Objects.equals(this.retrySettings, options.retrySettings) && this.headers.equals(options.headers));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.apiKey, this.timeout, this.retrySettings, this.headers);
	}

	// the key and the headers' values may be secrets: only whether they are set
	@Override
	public String toString() {
		List<String> set = new ArrayList<>();
		if (this.apiKey != null) {
			set.add("apiKey=[set]");
		}
		if (this.timeout != null) {
			set.add("timeout=" + ApiErrors.format(this.timeout));
		}
		if (this.retrySettings != null) {
			set.add("retrySettings=" + this.retrySettings);
		}
		if (!this.headers.isEmpty()) {
			set.add("headers=" + this.headers.keySet());
		}
		return "RequestOptions" + set;
	}

	private static void requireHeaderName(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("The header name must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| TOKEN_SYMBOLS.indexOf(c) >= 0)) {
				throw new IllegalArgumentException("The header name " + LogFormatUtils.formatValue(name, true)
						+ " is not an HTTP token: a name is letters, digits and " + TOKEN_SYMBOLS);
			}
		}
		String refusal = REFUSED_HEADERS.get(name);
		if (refusal != null) {
			throw new IllegalArgumentException("The header " + name + " cannot be added: " + refusal);
		}
	}

	// the value is not quoted: it may be a secret
	private static void requireHeaderValue(String name, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("The value of header " + name + " must not be null");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < ' ' && c != '\t') || c == 0x7f) {
				throw new IllegalArgumentException("The value of header " + name
						+ " must not contain control characters such as CR, LF or NUL (found one at index " + i + ")");
			}
		}
	}

	private static Map<String, String> refusedHeaders() {
		String credentials = "it carries credentials";
		String body = "the client sets it from the request's body";
		String connection = "it belongs to the connection, which the HTTP client manages";
		Map<String, String> refused = new LinkedCaseInsensitiveMap<>(Locale.ROOT);
		refused.put("authorization", credentials + "; use apiKey(...) to send another API key");
		refused.put("proxy-authorization",
				credentials + " for a proxy; configure the proxy on the client's HTTP connector");
		refused.put("content-type", body);
		refused.put("content-length", body);
		refused.put("transfer-encoding", body);
		refused.put("expect", "the client sends a request's body without waiting to be asked for it");
		refused.put("host", "the client sets it from the base URL; build a client with another base URL");
		for (String name : Set.of("connection", "upgrade", "te", "trailer", "keep-alive")) {
			refused.put(name, connection);
		}
		return Collections.unmodifiableMap(refused);
	}

	/**
	 * Builds {@link RequestOptions}, checking each value as it is set.
	 */
	public static final class Builder {

		private @Nullable String apiKey;

		private @Nullable Duration timeout;

		private @Nullable RetrySettings retrySettings;

		private final Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(Locale.ROOT);

		private Builder() {
		}

		/**
		 * Send the given API key, in the {@code Authorization} header, instead of the
		 * client's. Uploads carry no key.
		 * @param apiKey the API key
		 * @return this builder
		 * @throws TuneTheModelConfigurationException if the key is empty or has
		 * whitespace or control characters; the message does not contain it
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = ClientSettings.requireApiKey(apiKey);
			return this;
		}

		/**
		 * Set the longest time a call may take, its retries included: each input of a
		 * bulk call and each step of a training.
		 * @param timeout the timeout, more than zero
		 * @return this builder
		 * @throws IllegalArgumentException if the timeout is not more than zero
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = ArgumentChecks.requirePositive("timeout", timeout);
			return this;
		}

		/**
		 * Set when failed requests are retried.
		 * @param retrySettings the retry settings
		 * @return this builder
		 * @throws IllegalArgumentException if the settings are {@code null}
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.retrySettings = ArgumentChecks.requireNonNull("retry settings", retrySettings);
			return this;
		}

		/**
		 * Add a header to every API request, such as a tracing id; each call with the
		 * same name, in any case, adds another value. Uploads, which go to another host,
		 * do not carry it. Headers that carry credentials or change how the request is
		 * sent are refused: {@code Authorization} (use {@link #apiKey}),
		 * {@code Proxy-Authorization}, {@code Content-Type}, {@code Content-Length},
		 * {@code Transfer-Encoding}, {@code Expect}, {@code Host}, {@code Connection},
		 * {@code Upgrade}, {@code TE}, {@code Trailer} and {@code Keep-Alive}.
		 * @param name the name, an HTTP token
		 * @param value the value, without control characters such as CR, LF or NUL
		 * @return this builder
		 * @throws IllegalArgumentException if the name is not an HTTP token or is
		 * refused, or the value has a control character
		 */
		public Builder header(String name, String value) {
			requireHeaderName(name);
			requireHeaderValue(name, value);
			this.headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public RequestOptions build() {
			Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(this.headers.size(), Locale.ROOT);
			this.headers.forEach((name, values) -> headers.put(name, List.copyOf(values)));
			return new RequestOptions(this.apiKey, this.timeout, this.retrySettings,
					Collections.unmodifiableMap(headers));
		}

	}

}
