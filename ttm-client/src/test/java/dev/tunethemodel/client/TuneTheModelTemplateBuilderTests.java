package dev.tunethemodel.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link TuneTheModelTemplate.Builder}.
 */
class TuneTheModelTemplateBuilderTests extends WireMockTemplateTests {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n" })
	void apiKeyIsRequired(String key) {
		TuneTheModelTemplate.Builder builder = TuneTheModelTemplate.builder();
		if (key != null) {
			builder.apiKey(key);
		}
		assertThatExceptionOfType(TuneTheModelConfigurationException.class).isThrownBy(builder::build)
			.withMessage("The API key must not be empty")
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.MISSING_API_KEY));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "secret key", " secretkey", "secretkey\n", "secret\rkey", "secret\tkey", "secret\u0000key" })
	void apiKeyWithWhitespaceOrControlCharactersIsRefusedWithoutShowingIt(String key) {
		assertThatExceptionOfType(TuneTheModelConfigurationException.class)
			.isThrownBy(() -> TuneTheModelTemplate.builder().apiKey(key).build())
			.withMessageStartingWith("The API key must not contain whitespace or control characters")
			.withMessageNotContaining("secret")
			.withMessageNotContaining("key\n")
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.MALFORMED_API_KEY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.tunethemodel.com", "/v0", "ftp://api.tunethemodel.com", "https://",
			"https:// space.com", "mailto:someone@example.com", " " })
	void baseUrlMustBeAnAbsoluteHttpUrl(String baseUrl) {
		assertThatExceptionOfType(TuneTheModelConfigurationException.class)
			.isThrownBy(() -> TuneTheModelTemplate.builder().apiKey(API_KEY).baseUrl(baseUrl).build())
			.withMessageStartingWith("The base URL ")
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.INVALID_BASE_URL));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.tunethemodel.com", "http://10.0.0.5:8080", "http://128.0.0.1",
			"http://127.0.0.1.example.com", "http://localhost.example.com", "http://[::2]",
			"HTTP://api.example.com/v0" })
	void plainHttpToAHostOtherThanLoopbackIsRefused(String baseUrl) {
		assertThatExceptionOfType(TuneTheModelConfigurationException.class)
			.isThrownBy(() -> TuneTheModelTemplate.builder().apiKey(API_KEY).baseUrl(baseUrl).build())
			.withMessageContaining("is plain http to ")
			.withMessageEndingWith("which is not a loopback address: the API key would cross the network in clear")
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.INSECURE_BASE_URL));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost", "http://LOCALHOST:8080", "http://127.0.0.1:9000/ttm",
			"http://127.8.9.10", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]" })
	void plainHttpToLoopbackIsAllowed(String baseUrl) {
		assertThat(TuneTheModelTemplate.builder().apiKey(API_KEY).baseUrl(baseUrl).build()).isNotNull();
	}

	@Test
	void plainHttpToAnotherHostIsAllowedWhenOptedIn() {
		assertThat(TuneTheModelTemplate.builder()
			.apiKey(API_KEY)
			.baseUrl("http://ttm-proxy.internal:8080")
			.allowInsecureHttp(true)
			.build()).hasToString("TuneTheModelTemplate[baseUrl=http://ttm-proxy.internal:8080]");
	}

	@Test
	void everyRequestCarriesTheUserAgentOfTheStarter() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		StepVerifier.create(this.template.listModels()).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("User-Agent",
				equalTo(TuneTheModelTemplate.USER_AGENT)));
		assertThat(TuneTheModelTemplate.USER_AGENT).matches("ttm-spring-boot-starter/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	@Test
	void baseUrlWithUserInformationIsRefusedWithoutShowingIt() {
		assertThatExceptionOfType(TuneTheModelConfigurationException.class)
			.isThrownBy(() -> TuneTheModelTemplate.builder()
				.apiKey(API_KEY)
				.baseUrl("https://user:hunter2@api.tunethemodel.com")
				.build())
			.withMessage("The base URL must not have a query, a fragment or user information");
	}

	@Test
	void baseUrlMayHaveAPathAndATrailingSlash() {
		wireMock.stubFor(get("/proxy/ttm/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelTemplate proxied = TuneTheModelTemplate.builder()
			.apiKey(API_KEY)
			.baseUrl(wireMock.baseUrl() + "/proxy/ttm/")
			.build();
		StepVerifier.create(proxied.listModels()).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/proxy/ttm/v0/models")));
	}

	@Test
	void webClientBuilderIsCopiedAndItsFiltersApply() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		WebClient.Builder webClientBuilder = WebClient.builder().defaultHeader("X-Application", "sample");
		TuneTheModelTemplate customized = TuneTheModelTemplate.builder()
			.webClientBuilder(webClientBuilder)
			.apiKey(API_KEY)
			.baseUrl(wireMock.baseUrl())
			.build();
		webClientBuilder.defaultHeader("X-Added-Later", "yes");
		StepVerifier.create(customized.listModels()).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-Application", equalTo("sample"))
			.withoutHeader("X-Added-Later"));
	}

	@Test
	void baseUrlWinsOverAnApplicationWideUriBuilderFactory() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		WebClient.Builder webClientBuilder = WebClient.builder().baseUrl("http://127.0.0.1:9/elsewhere");
		TuneTheModelTemplate customized = TuneTheModelTemplate.builder()
			.webClientBuilder(webClientBuilder)
			.apiKey(API_KEY)
			.baseUrl(wireMock.baseUrl())
			.build();
		StepVerifier.create(customized.listModels()).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")));
	}

	@Test
	void toStringShowsTheBaseUrlButNotTheKey() {
		assertThat(this.template.toString()).isEqualTo("TuneTheModelTemplate[baseUrl=" + wireMock.baseUrl() + "]")
			.doesNotContain(API_KEY);
	}

	@Test
	void defaultBaseUrlIsTheApi() {
		assertThat(TuneTheModelTemplate.DEFAULT_BASE_URL).isEqualTo("https://api.tunethemodel.com");
	}

}
