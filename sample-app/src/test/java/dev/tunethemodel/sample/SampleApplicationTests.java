package dev.tunethemodel.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the sample application, booted as a user runs it: without an API key, on the
 * local emulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tunethemodel.api-key=")
@AutoConfigureWebTestClient(timeout = "30s")
class SampleApplicationTests {

	private static final Duration DEMO = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	@Autowired
	TuneTheModelConnectionDetails connectionDetails;

	@Autowired
	TuneTheModelEmulator emulator;

	@Test
	void runsOnTheLocalEmulatorWithoutAKey() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(this.emulator.baseUrl())
			.startsWith("http://127.0.0.1:");
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(this.emulator.apiKey());
	}

	@Test
	void demoTrainsAClassifierThatTellsPositiveFromNegative() {
		DemoReport report = this.client.get()
			.uri("/demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DemoReport.class)
			.returnResult()
			.getResponseBody();
		assertThat(report.verdicts()).extracting(DemoReport.Verdict::sentence).isEqualTo(SentimentDemo.SENTENCES);
		assertThat(report.verdicts().get(0).sentiment()).isEqualTo("positive");
		assertThat(report.verdicts().get(1).sentiment()).isEqualTo("negative");
		assertThat(report.verdicts()).allSatisfy((verdict) -> assertThat(verdict.scores()).hasSize(2));
		this.client.get()
			.uri("/models/{id}", report.modelId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("READY")
			.jsonPath("$.name")
			.isEqualTo("sentiment-demo");
	}

	@Test
	void eventsStreamTheStatusChangesOfTheModelUntilItIsReady() {
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
	void modelsCanBeCreatedReadAndDeleted() {
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
	void badInputIsABadRequest() {
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
	void defaultGeneratorGeneratesWithoutTraining() {
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
	void healthShowsTheTunethemodelComponent() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.tunethemodel.status")
			.isEqualTo("UP")
			.jsonPath("$.components.tunethemodel.details.baseUrl")
			.isEqualTo(this.emulator.baseUrl());
	}

	private String demoModelId() {
		List<Map<String, Object>> models = this.client.get()
			.uri("/models")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return models.stream()
			.filter((model) -> "sentiment-demo".equals(model.get("name")))
			.map((model) -> (String) model.get("id"))
			.findFirst()
			.orElse(null);
	}

}
