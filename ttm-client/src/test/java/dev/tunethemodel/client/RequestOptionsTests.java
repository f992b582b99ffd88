package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of {@link RequestOptions}: what the builder refuses, and with which message, the
 * merge of two options and what {@code toString()} shows.
 */
class RequestOptionsTests {

	private static final String KEY = "ttm-tenant-key-8d1e5b39c0";

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization", "content-type",
			"Content-Length", "TRANSFER-ENCODING", "Host", "connection", "Upgrade", "expect", "TE", "trailer",
			"Keep-Alive" })
	void headerThatCarriesCredentialsOrChangesTheProtocolIsRefusedInAnyCase(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(name, "value"))
			.withMessageStartingWith("The header " + name + " cannot be added: ")
			.withMessageNotContaining("value");
	}

	@Test
	void refusedAuthorizationHeaderSaysToSetTheApiKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer " + KEY))
			.withMessage("The header Authorization cannot be added: it carries credentials; "
					+ "use apiKey(...) to send another API key")
			.withMessageNotContaining(KEY);
	}

	@Test
	void refusedContentTypeSaysTheClientSetsIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("Content-Type", "text"))
			.withMessage("The header Content-Type cannot be added: the client sets it from the request's body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "X Request", "X-Id:", "X-Tenant\r\nX-Injected", "Ünicode", "(comment)" })
	void headerNameThatIsNotAnHttpTokenIsRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(name, "value"))
			.withMessageContaining((name.isEmpty()) ? "must not be empty" : "is not an HTTP token");
	}

	@Test
	void nullHeaderNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(null, "value"))
			.withMessage("The header name must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret\r\nX-Injected: 1", "secret\n", "secret\r", "sec\u0000ret", "secret\u007f" })
	void headerValueWithAControlCharacterIsRefusedWithoutBeingQuoted(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-Tenant", value))
			.withMessageStartingWith("The value of header X-Tenant must not contain control characters")
			.withMessageNotContaining("secret")
			.withMessageNotContaining("sec");
	}

	@Test
	void headerValueWithATabOrNoCharacterIsAccepted() {
		assertThatNoException()
			.isThrownBy(() -> RequestOptions.builder().header("X-Tenant", "a\tb").header("X-Empty", "").build());
	}

	@Test
	void nullHeaderValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-Tenant", null))
			.withMessage("The value of header X-Tenant must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankApiKeyIsRefused(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().apiKey(key))
			.isInstanceOfSatisfying(TuneTheModelConfigurationException.class,
					(ex) -> assertThat(ex.problem()).isEqualTo(Problem.MISSING_API_KEY))
			.withMessage("The API key must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { KEY + " ", KEY + "\n", "ttm-tenant key-8d1e5b39c0", KEY + "\u0000" })
	void apiKeyWithWhitespaceOrAControlCharacterIsRefusedWithoutBeingQuoted(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().apiKey(key))
			.isInstanceOfSatisfying(TuneTheModelConfigurationException.class,
					(ex) -> assertThat(ex.problem()).isEqualTo(Problem.MALFORMED_API_KEY))
			.withMessageStartingWith("The API key must not contain whitespace or control characters")
			.withMessageNotContaining("ttm-tenant")
			.withMessageNotContaining("8d1e5b39c0");
	}

	@Test
	void timeoutThatIsNotMoreThanZeroIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
			.withMessage("The timeout must be more than zero, but is PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().timeout(Duration.ofSeconds(-1)))
			.withMessage("The timeout must be more than zero, but is PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().timeout(null))
			.withMessage("The timeout must be more than zero, but is null");
	}

	@Test
	void nullRetrySettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().retrySettings(null))
			.withMessage("The retry settings must not be null");
	}

	@Test
	void headerAddedTwiceInAnyCaseHasBothValuesUnderTheFirstName() {
		RequestOptions options = RequestOptions.builder().header("X-Trace", "a").header("x-trace", "b").build();
		assertThat(options.headers()).containsOnlyKeys("X-Trace");
		assertThat(options.headers().get("X-TRACE")).containsExactly("a", "b");
	}

	@Test
	void unsetValuesAreNull() {
		RequestOptions options = RequestOptions.builder().build();
		assertThat(options.apiKey()).isNull();
		assertThat(options.timeout()).isNull();
		assertThat(options.retrySettings()).isNull();
		assertThat(options.headers()).isEmpty();
		assertThat(options).isEqualTo(RequestOptions.none()).hasSameHashCodeAs(RequestOptions.none());
	}

	@Test
	void builtOptionsDoNotChangeWithTheBuilder() {
		RequestOptions.Builder builder = RequestOptions.builder().header("X-Trace", "a");
		RequestOptions options = builder.build();
		builder.header("X-Trace", "b").header("X-Other", "c");
		assertThat(options.headers()).containsOnlyKeys("X-Trace");
		assertThat(options.headers().get("X-Trace")).containsExactly("a");
	}

	@Test
	void mergeKeepsWhatTheLaterOptionsDoNotSetAndReplacesHeadersOfTheSameName() {
		RetrySettings retries = new RetrySettings(5, Duration.ofMillis(10), Duration.ofMillis(20),
				Duration.ofSeconds(1));
		RequestOptions first = RequestOptions.builder()
			.apiKey(KEY)
			.timeout(Duration.ofSeconds(5))
			.header("X-Tenant", "t-1")
			.header("X-Trace", "a")
			.header("X-Trace", "b")
			.build();
		RequestOptions later = RequestOptions.builder()
			.retrySettings(retries)
			.timeout(Duration.ofSeconds(2))
			.header("x-trace", "c")
			.build();
		RequestOptions merged = first.mergedWith(later);
		assertThat(merged.apiKey()).isEqualTo(KEY);
		assertThat(merged.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(merged.retrySettings()).isEqualTo(retries);
		assertThat(merged.headers()).containsOnlyKeys("X-Tenant", "x-trace");
		assertThat(merged.headers().get("X-Trace")).containsExactly("c");
		assertThat(merged.headers().get("X-Tenant")).containsExactly("t-1");
		assertThat(RequestOptions.none().mergedWith(first)).isSameAs(first);
		assertThat(first.mergedWith(RequestOptions.none())).isSameAs(first);
	}

	@Test
	void toStringShowsNeitherTheKeyNorTheValuesOfTheHeaders() {
		RequestOptions options = RequestOptions.builder()
			.apiKey(KEY)
			.timeout(Duration.ofMillis(1500))
			.header("X-Tenant-Secret", "tenant-secret-value")
			.build();
		assertThat(options).hasToString("RequestOptions[apiKey=[set], timeout=1500ms, headers=[X-Tenant-Secret]]");
		assertThat(RequestOptions.none()).hasToString("RequestOptions[]");
	}

	@Test
	void requestHeadersAreTheKeyAsAuthorizationAndTheAddedHeaders() {
		RequestOptions options = RequestOptions.builder().apiKey(KEY).header("X-Trace", "a").build();
		assertThat(options.requestHeaders().get("Authorization")).isEqualTo(List.of(KEY));
		assertThat(options.requestHeaders().get("X-Trace")).isEqualTo(List.of("a"));
		assertThat(RequestOptions.builder().timeout(Duration.ofSeconds(1)).build().requestHeaders()).isNull();
	}

}
