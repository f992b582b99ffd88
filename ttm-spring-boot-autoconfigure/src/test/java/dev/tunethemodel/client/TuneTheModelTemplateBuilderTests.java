package dev.tunethemodel.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link TuneTheModelTemplate.Builder}.
 */
class TuneTheModelTemplateBuilderTests extends WireMockTemplateTests {

	@Test
	void apiKeyIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> TuneTheModelTemplate.builder().build())
			.withMessage("The API key must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> TuneTheModelTemplate.builder().apiKey("").build())
			.withMessage("The API key must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret key", " secretkey", "secretkey\n", "secret\rkey", "secret\tkey", "secret\u0000key" })
	void apiKeyWithWhitespaceOrControlCharactersIsRefusedWithoutShowingIt(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> TuneTheModelTemplate.builder().apiKey(key).build())
			.withMessageStartingWith("The API key must not contain whitespace or control characters")
			.withMessageNotContaining("secret")
			.withMessageNotContaining("key\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.tunethemodel.com", "/v0", "ftp://api.tunethemodel.com", "https://", "https:// space.com",
			"mailto:someone@example.com" })
	void baseUrlMustBeAnAbsoluteHttpUrl(String baseUrl) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TuneTheModelTemplate.builder().apiKey(API_KEY).baseUrl(baseUrl).build())
			.withMessageStartingWith("The base URL ");
	}

	@Test
	void baseUrlWithUserInformationIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException()
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
