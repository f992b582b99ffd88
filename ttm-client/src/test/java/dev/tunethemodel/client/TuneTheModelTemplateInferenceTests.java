package dev.tunethemodel.client;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.model.GenerateRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelTemplate#classify} and
 * {@link TuneTheModelTemplate#generate}.
 */
class TuneTheModelTemplateInferenceTests extends WireMockTemplateTests {

	@Test
	void classifySendsTheInputAndReturnsOneScorePerClass() {
		wireMock.stubFor(
				post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.83, 0.06, 0.11]}}")));
		StepVerifier.create(this.template.classify("m-1", "You are wonderful")).assertNext((classification) -> {
			assertThat(classification.scores()).containsExactly(0.83, 0.06, 0.11);
			assertThat(classification.bestClass()).isZero();
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(
				postRequestedFor(urlEqualTo("/v0/models/m-1/classify")).withHeader("Authorization", equalTo(API_KEY))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("{\"input\": \"You are wonderful\"}")));
	}

	@Test
	void classifySendsUnicodeAndQuotesIntact() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.2, 0.8]}}")));
		String input = "«Привет» \"quoted\" \\ emoji \uD83D\uDE00 line\nbreak";
		StepVerifier.create(this.template.classify("m-1", input))
			.assertNext((classification) -> assertThat(classification.bestClass()).isEqualTo(1))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models/m-1/classify")).withRequestBody(
				equalToJson("{\"input\": \"«Привет» \\\"quoted\\\" \\\\ emoji \uD83D\uDE00 line\\nbreak\"}")));
	}

	@Test
	void generateSendsTheOfficialSdkDefaults() {
		wireMock.stubFor(post("/v0/models/default-generator/generate")
			.willReturn(okJson("{\"answer\": {\"responses\": [{\"response\": \"a fine wine\"}]}}")));
		StepVerifier.create(this.template.generate("default-generator", GenerateRequest.of("Describe the wine:")))
			.assertNext((generation) -> assertThat(generation.texts()).containsExactly("a fine wine"))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models/default-generator/generate"))
			.withHeader("Authorization", equalTo(API_KEY))
			.withRequestBody(equalToJson("""
					{"input": "Describe the wine:", "num_hypos": 1, "min_tokens": 1, "max_tokens": 128,
					"temperature": 0.6, "top_k": 50, "top_p": null, "seed": null, "prefix_tokens_only": false,
					"span_delimiters": null}
					""")));
	}

	@Test
	void generateSendsEveryParameter() {
		wireMock.stubFor(post("/v0/models/g-1/generate").willReturn(okJson("""
				{"answer": {"responses": [{"response": "one"}, {"response": "two"}, {"response": "three"}]}}
				""")));
		GenerateRequest request = GenerateRequest.builder("Once")
			.numHypos(3)
			.minTokens(0)
			.maxTokens(64)
			.temperature(0.0)
			.topK(0)
			.topP(0.9)
			.seed(42L)
			.prefixTokensOnly(true)
			.spanDelimiters("|")
			.build();
		StepVerifier.create(this.template.generate("g-1", request))
			.assertNext((generation) -> assertThat(generation.texts()).containsExactly("one", "two", "three"))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models/g-1/generate")).withRequestBody(equalToJson("""
				{"input": "Once", "num_hypos": 3, "min_tokens": 0, "max_tokens": 64, "temperature": 0.0,
				"top_k": 0, "top_p": 0.9, "seed": 42, "prefix_tokens_only": true, "span_delimiters": "|"}
				""")));
	}

	@Test
	void generateReadsAHypothesisWithoutResponseAsEmptyText() {
		wireMock.stubFor(post("/v0/models/g-1/generate").willReturn(okJson("""
				{"answer": {"responses": [{"response": "text"}, {}, {"response": null, "score": 0.1}]}}
				""")));
		StepVerifier.create(this.template.generate("g-1", GenerateRequest.builder("x").numHypos(3).build()))
			.assertNext((generation) -> assertThat(generation.texts()).containsExactly("text", "", ""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void generateRequestDefaultsAreTheOfficialSdkDefaults() {
		GenerateRequest request = GenerateRequest.of("x");
		assertThat(request.input()).isEqualTo("x");
		assertThat(request.numHypos()).isEqualTo(1);
		assertThat(request.minTokens()).isEqualTo(1);
		assertThat(request.maxTokens()).isEqualTo(128);
		assertThat(request.temperature()).isEqualTo(0.6);
		assertThat(request.topK()).isEqualTo(50);
		assertThat(request.topP()).isNull();
		assertThat(request.seed()).isNull();
		assertThat(request.prefixTokensOnly()).isFalse();
		assertThat(request.spanDelimiters()).isNull();
		assertThat(GenerateRequest.builder("x").build()).isEqualTo(request).hasSameHashCodeAs(request);
	}

	@Test
	void builderSetsEachParameterAndMutateChangesOnlyWhatItSets() {
		GenerateRequest request = GenerateRequest.builder("x")
			.numHypos(3)
			.minTokens(2)
			.maxTokens(64)
			.temperature(0.7)
			.topK(10)
			.topP(0.9)
			.seed(7L)
			.prefixTokensOnly(true)
			.spanDelimiters("|")
			.build();
		assertThat(request)
			.extracting(GenerateRequest::numHypos, GenerateRequest::minTokens, GenerateRequest::maxTokens,
					GenerateRequest::temperature, GenerateRequest::topK, GenerateRequest::topP, GenerateRequest::seed,
					GenerateRequest::prefixTokensOnly, GenerateRequest::spanDelimiters)
			.containsExactly(3, 2, 64, 0.7, 10, 0.9, 7L, true, "|");
		GenerateRequest other = request.mutate().input("y").build();
		assertThat(other.input()).isEqualTo("y");
		assertThat(other.mutate().input("x").build()).isEqualTo(request);
		assertThat(request.mutate().topP(null).build().topP()).isNull();
		assertThat(request.mutate().seed(8L).build()).isNotEqualTo(request);
		assertThat(request.toString()).doesNotContain("x\"").contains("numHypos=3");
	}

}
