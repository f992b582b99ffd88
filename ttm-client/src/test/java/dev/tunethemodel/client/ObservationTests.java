package dev.tunethemodel.client;

import java.time.Duration;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.observation.DefaultTuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the observations of {@link TuneTheModelTemplate}'s operations, in a
 * {@link TestObservationRegistry}.
 */
class ObservationTests extends WireMockTemplateTests {

	private static final String OPERATION = DefaultTuneTheModelObservationConvention.NAME;

	private static final String MODEL = """
			{"model_name": "m-1", "model_type": "classifier", "status": "Ready"}
			""";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void successIsObservedWithItsOperationModelAndAttempts() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		StepVerifier.create(observed().getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo(OPERATION)
			.hasContextualNameEqualTo("tunethemodel get_model")
			.hasLowCardinalityKeyValue("tunethemodel.operation", "get_model")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error", "none")
			.hasHighCardinalityKeyValue("tunethemodel.model.id", "m-1")
			.hasHighCardinalityKeyValue("tunethemodel.attempts", "1")
			.doesNotHaveError();
	}

	@Test
	void notFoundIsAClientError() {
		wireMock.stubFor(get("/v0/files/f-1/status").willReturn(aResponse().withStatus(404)));
		StepVerifier.create(observed().getFile("f-1")).expectError(TuneTheModelNotFoundException.class).verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "get_file")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error", "TuneTheModelNotFoundException")
			.hasHighCardinalityKeyValue("tunethemodel.file.id", "f-1")
			.doesNotHaveHighCardinalityKeyValueWithKey("tunethemodel.model.id")
			.hasError();
	}

	@Test
	void rateLimitedThenSuccessfulCallIsOneObservationOfTwoAttempts() {
		wireMock.stubFor(post("/v0/models/m-1/classify").inScenario("limited")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
			.willSetStateTo("free"));
		wireMock.stubFor(post("/v0/models/m-1/classify").inScenario("limited")
			.whenScenarioStateIs("free")
			.willReturn(okJson("{\"answer\": {\"scores\": [0.2, 0.8]}}")));
		StepVerifier.create(observed(RetrySettings.defaults()).classify("m-1", "fine"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "classify")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("tunethemodel.attempts", "2");
	}

	@Test
	void rateLimitForGoodIsRateLimited() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(aResponse().withStatus(429)));
		StepVerifier.create(observed().classify("m-1", "fine"))
			.expectError(TuneTheModelRateLimitException.class)
			.verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "RATE_LIMITED")
			.hasLowCardinalityKeyValue("error", "TuneTheModelRateLimitException");
	}

	@Test
	void callLongerThanTheTimeoutIsATimeout() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		TuneTheModelTemplate template = builder(RetrySettings.none()).timeout(Duration.ofMillis(300)).build();
		StepVerifier.create(template.listModels()).expectError(TuneTheModelTimeoutException.class).verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "list_models")
			.hasLowCardinalityKeyValue("outcome", "TIMEOUT")
			.hasLowCardinalityKeyValue("error", "TuneTheModelTimeoutException");
	}

	@Test
	void cancelledCallIsCancelled() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL).withFixedDelay(3000)));
		Disposable call = observed().getModel("m-1").subscribe();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> wireMock.verify(getRequestedFor(urlEqualTo("/v0/models/m-1/status"))));
		call.dispose();
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasLowCardinalityKeyValue("error", "none");
	}

	@Test
	void httpRequestsOfACallAreItsChildren() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		TuneTheModelTemplate template = builder(RetrySettings.none())
			.webClientBuilder(WebClient.builder().observationRegistry(this.registry))
			.build();
		StepVerifier.create(template.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> parent.getName().equals(OPERATION));
	}

	@Test
	void bulkCallIsOneObservationCountingEveryAttempt() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.2, 0.8]}}")));
		StepVerifier.create(observed().classifyAll("m-1", Flux.range(0, 20).map(String::valueOf)))
			.expectNextCount(20)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "classify_all")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("tunethemodel.attempts", "20");
	}

	@Test
	void conventionOfTheUsersReplacesTheDefault() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		TuneTheModelTemplate template = builder(RetrySettings.none())
			.observationConvention(new DefaultTuneTheModelObservationConvention() {

				@Override
				public String getName() {
					return "ml.calls";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(TuneTheModelObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "search");
				}

			})
			.build();
		StepVerifier.create(template.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("ml.calls")
			.hasLowCardinalityKeyValue("team", "search")
			.hasLowCardinalityKeyValue("tunethemodel.operation", "get_model");
	}

	@Test
	void noRegistryObservesNothing() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		StepVerifier.create(this.template.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private TuneTheModelTemplate observed() {
		return observed(RetrySettings.none());
	}

	private TuneTheModelTemplate observed(RetrySettings retrySettings) {
		return builder(retrySettings).build();
	}

	private TuneTheModelTemplate.Builder builder(RetrySettings retrySettings) {
		return TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(retrySettings)
			.observationRegistry(this.registry);
	}

}
