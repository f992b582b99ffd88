package dev.tunethemodel.sample.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What each sample's tests check over HTTP, whether it runs on Spring WebFlux or on
 * Spring MVC: a subclass boots the sample as a user runs it, without an API key, on the
 * local emulator, with a {@link WebTestClient} bound to it.
 *
 * @since 0.1.0
 */
public abstract class SampleApplicationContract {

	private static final Duration DEMO = Duration.ofSeconds(30);

	@Autowired
	private WebTestClient client;

	@Autowired
	private TuneTheModelConnectionDetails connectionDetails;

	@Autowired
	private TuneTheModelEmulator emulator;

	@Test
	protected void runsOnTheLocalEmulatorWithoutAKey() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(this.emulator.baseUrl())
			.startsWith("http://127.0.0.1:");
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(this.emulator.apiKey());
	}

	/**
	 * Check that a sample's demo tells a positive sentence from a negative one.
	 * @param client a client of the sample
	 * @return the demo's report
	 */
	public static DemoReport assertDemoTellsPositiveFromNegative(WebTestClient client) {
		DemoReport report = client.get()
			.uri("/demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DemoReport.class)
			.returnResult()
			.getResponseBody();
		assertThat(report.verdicts()).extracting(DemoReport.Verdict::sentence).isEqualTo(SentimentDemoScript.SENTENCES);
		assertThat(report.verdicts()).extracting(DemoReport.Verdict::sentiment)
			.startsWith("positive", "negative")
			.allSatisfy((sentiment) -> assertThat(SentimentDemoScript.LABELS.names()).contains(sentiment));
		assertThat(report.verdicts()).allSatisfy((verdict) -> assertThat(verdict.scores()).hasSize(2));
		assertEvaluationOfTheValidationReviews(report.evaluation());
		return report;
	}

	/**
	 * Check that the figures of a sample's demo are those of a model that learned the
	 * bundled reviews, measured on all the validation reviews, each label by its name.
	 * @param evaluation the figures of the demo's report
	 */
	public static void assertEvaluationOfTheValidationReviews(DemoReport.Figures evaluation) {
		long validationReviews = SentimentDemoScript.reviews().validation().count().block(DEMO);
		assertThat(evaluation.examples()).isEqualTo(validationReviews).isPositive();
		assertThat(evaluation.accuracy()).isGreaterThan(0.7).isLessThanOrEqualTo(1);
		assertThat(evaluation.macroF1()).isGreaterThan(0.7).isLessThanOrEqualTo(1);
		assertThat(evaluation.labels()).extracting(DemoReport.LabelFigures::label)
			.containsExactly("negative", "positive");
		assertThat(evaluation.labels()).allSatisfy((label) -> {
			assertThat(label.precision()).isBetween(0.0, 1.0);
			assertThat(label.recall()).isBetween(0.0, 1.0);
			assertThat(label.f1()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
			assertThat(label.support()).isPositive();
		});
		assertThat(evaluation.labels().stream().mapToLong(DemoReport.LabelFigures::support).sum())
			.isEqualTo(validationReviews);
	}

	/**
	 * Check that a sample's health has the {@code tunethemodel} component, up.
	 * @param client a client of the sample
	 * @return the health's body, for more checks
	 */
	public static WebTestClient.BodyContentSpec assertTunethemodelHealthIsUp(WebTestClient client) {
		return client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.tunethemodel.status")
			.isEqualTo("UP");
	}

	@Test
	protected void demoTrainsAClassifierThatTellsPositiveFromNegative() {
		DemoReport report = assertDemoTellsPositiveFromNegative(this.client);
		this.client.get()
			.uri("/models/{id}", report.modelId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("READY")
			.jsonPath("$.name")
			.isEqualTo(SentimentDemoScript.MODEL_NAME);
	}

	@Test
	protected void demoAnswersItsEvaluationAsJsonWithNamedLabels() {
		this.client.get()
			.uri("/demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.evaluation.examples")
			.isNumber()
			.jsonPath("$.evaluation.accuracy")
			.value((Double accuracy) -> assertThat(accuracy).isGreaterThan(0.7))
			.jsonPath("$.evaluation.macroF1")
			.value((Double macroF1) -> assertThat(macroF1).isGreaterThan(0.7))
			.jsonPath("$.evaluation.labels[*].label")
			.isEqualTo(List.of("negative", "positive"))
			.jsonPath("$.evaluation.labels[1].f1")
			.value((Double f1) -> assertThat(f1).isGreaterThan(0.5))
			.jsonPath("$.verdicts[0].sentiment")
			.isEqualTo("positive");
	}

	@Test
	protected void metricsShowTheDemosOperationsTrainingAndUploads() {
		DemoReport report = assertDemoTellsPositiveFromNegative(this.client);
		this.client.get()
			.uri("/actuator/metrics/tunethemodel.client.operation?tag=tunethemodel.operation:classify_all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((List<Double> count) -> assertThat(count).containsExactly(1.0))
			.jsonPath("$.availableTags[?(@.tag == 'outcome')].values[*]")
			.value((List<String> outcomes) -> assertThat(outcomes).containsExactly("SUCCESS"));
		this.client.get()
			.uri("/actuator/metrics/tunethemodel.training?tag=tunethemodel.model.type:classifier")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/actuator/metrics/tunethemodel.upload.examples")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			// four training reviews for each validation one
			.value((Double examples) -> assertThat(examples).isEqualTo((double) report.evaluation().examples() * 5));
	}

	@Test
	protected void classifyAnswersTheScoresOfTheDemoModel() {
		String id = await().atMost(DEMO).until(this::readyDemoModelId, (found) -> found != null);
		String sentence = SentimentDemoScript.SENTENCES.get(1);
		Classification classification = this.client.post()
			.uri("/models/{id}/classify", id)
			.bodyValue(Map.of("input", sentence))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Classification.class)
			.returnResult()
			.getResponseBody();
		assertThat(classification.scores()).hasSize(2);
		assertThat(DemoReport.Verdict.of(sentence, classification).sentiment()).isEqualTo("negative");
	}

	@Test
	protected void eventsStreamTheStatusChangesOfTheModelUntilItIsReady() {
		String id = await().atMost(DEMO).until(this::demoModelId, (found) -> found != null);
		Flux<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/models/{id}/events", id)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody();
		List<ServerSentEvent<Map<String, Object>>> received = events.collectList().block(DEMO);
		assertThat(received).isNotEmpty().allSatisfy((event) -> assertThat(event.event()).isEqualTo("status"));
		List<Object> statuses = received.stream().map((event) -> event.data().get("status")).toList();
		assertThat(statuses).last().isEqualTo("READY");
		assertThat(statuses).doesNotHaveDuplicates();
		assertThat(received).extracting(ServerSentEvent::id).isEqualTo(statuses);
	}

	@Test
	protected void modelsCanBeCreatedReadAndDeleted() {
		String id = (String) this.client.post()
			.uri("/models")
			.bodyValue(Map.of("name", "poet", "type", "generator"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.client.get()
			.uri("/models/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("GENERATOR")
			.jsonPath("$.status")
			.isEqualTo("CREATED");
		this.client.get().uri("/models").exchange().expectBody().jsonPath("$[?(@.id == '" + id + "')]").exists();
		this.client.delete().uri("/models/{id}", id).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/models/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("404"));
	}

	@Test
	protected void badInputIsABadRequest() {
		this.client.get()
			.uri("/models/{id}", "a.b")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Invalid model id"));
		this.client.post()
			.uri("/models")
			.bodyValue(Map.of("type", "classifier", "numClasses", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	protected void defaultGeneratorGeneratesWithoutTraining() {
		this.client.post()
			.uri("/models/default-generator/generate")
			.bodyValue(Map.of("input", "red -> rouge\nblue -> bleu\ndark red ->"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.texts[0]")
			.isEqualTo("rouge");
	}

	@Test
	protected void healthShowsTheTunethemodelComponent() {
		assertTunethemodelHealthIsUp(this.client).jsonPath("$.components.tunethemodel.details.baseUrl")
			.isEqualTo(this.emulator.baseUrl());
	}

	private String demoModelId() {
		return demoModelId(null);
	}

	private String readyDemoModelId() {
		return demoModelId("READY");
	}

	private String demoModelId(@Nullable String status) {
		List<Map<String, Object>> models = this.client.get()
			.uri("/models")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return models.stream()
			.filter((model) -> SentimentDemoScript.MODEL_NAME.equals(model.get("name")))
			.filter((model) -> status == null || status.equals(model.get("status")))
			.map((model) -> (String) model.get("id"))
			.findFirst()
			.orElse(null);
	}

}
