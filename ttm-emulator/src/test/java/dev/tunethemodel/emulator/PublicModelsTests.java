package dev.tunethemodel.emulator;

import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the public models: listed, each with a status, and each answering.
 */
class PublicModelsTests {

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", this.emulator.apiKey())
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void theDefaultGeneratorAndTheSdkTestsModelsAreListedReadyWithATypeEach() {
		List<Map<String, Object>> models = publicModels();
		assertThat(models).extracting((model) -> model.get("model_id") + " " + model.get("model_type"))
			.containsExactly("default-generator generator", "massive_intent_classification classifier",
					"massive_slot_detection_gen generator", "amazon_description_by_title_en_ru_ar generator",
					"amazon_title_by_description_en_ru_ar generator", "factcheck_classifier_en_ru_ar classifier",
					"factcheck_random_fact_en_ru_ar generator", "cleanweb_en_ru_ar classifier");
		for (Map<String, Object> model : models) {
			assertThat(model).containsEntry("status", "Ready")
				.containsEntry("model_name", model.get("model_id"))
				.containsEntry("name", model.get("model_id"))
				.containsEntry("user_name", model.get("model_id"));
			assertThat(get("/v0/models/" + model.get("model_id") + "/status")).isEqualTo(model);
		}
		assertThat(get("/v0/models")).containsEntry("models", List.of());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "massive_intent_classification | wake me up at seven tomorrow | 10 | 0",
					"massive_intent_classification | will it rain in London | 10 | 9",
					"factcheck_classifier_en_ru_ar | water boils at 100 degrees | 2 | 1",
					"factcheck_classifier_en_ru_ar | humans use ten percent of the brain | 2 | 0",
					"cleanweb_en_ru_ar | click here to claim your prize now | 2 | 1",
					"cleanweb_en_ru_ar | a recipe for bread | 2 | 0" })
	void publicClassifiersScoreEveryClassAndFavourTheRightOne(String model, String input, int classes, int best) {
		List<Double> scores = scores(model, input);
		assertThat(scores).hasSize(classes);
		assertThat(scores.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, Offset.offset(1e-9));
		assertThat(scores.indexOf(scores.stream().max(Double::compare).orElseThrow())).isEqualTo(best);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"massive_slot_detection_gen | Remind me to call Thomas tomorrow | Remind me to call [person : Thomas] [date : tomorrow]",
			"amazon_description_by_title_en_ru_ar | Black Wireless Headphones | Black Wireless Headphones with 30 hours of battery life, active noise cancelling and a soft carrying case.",
			"amazon_title_by_description_en_ru_ar | big headphones with noise cancelling | Wireless Noise Cancelling Over-Ear Headphones, 30h Battery",
			"factcheck_random_fact_en_ru_ar | a fact from space | A day on Venus is longer than its year.",
			"default-generator | Tell me a joke | Why do programmers prefer dark mode? Because light attracts bugs.",
			"default-generator | Rainbow | Rainbow, and that was only the beginning of the story." })
	void publicGeneratorsAnswerFromTheirExamples(String model, String input, String answer) {
		assertThat(texts(model, "{\"input\": \"" + input + "\"}")).containsExactly(answer);
	}

	@Test
	void publicGeneratorsWithoutAMatchingExampleStillAnswerAboutTheInput() {
		assertThat(texts("amazon_description_by_title_en_ru_ar", "{\"input\": \"Quantum Toaster\"}")).singleElement()
			.asString()
			.startsWith("Quantum Toaster: ")
			.isNotEqualTo("Quantum Toaster");
		assertThat(texts("amazon_title_by_description_en_ru_ar", "{\"input\": \"Zorblax\"}")).singleElement()
			.asString()
			.contains("Zorblax")
			.isNotEqualTo("Zorblax");
	}

	@Test
	void publicGeneratorsHonourNumHyposAndMaxTokens() {
		assertThat(texts("factcheck_random_fact_en_ru_ar", "{\"input\": \"space\", \"num_hypos\": 3}")).hasSize(3)
			.doesNotHaveDuplicates();
		assertThat(texts("massive_slot_detection_gen", "{\"input\": \"call Anna today\", \"num_hypos\": 2}"))
			.containsExactly("call [person : Anna] [date : today]", "call [person : Anna] [date : today]");
		assertThat(texts("default-generator", "{\"input\": \"Tell me a joke\", \"max_tokens\": 3}"))
			.containsExactly("Why do programmers");
	}

	@Test
	void publicModelsCannotBeChangedNorUsedAsTheOtherType() {
		String reason = "Model cleanweb_en_ru_ar is a public model: it cannot be bound, fit or deleted";
		this.client.delete()
			.uri("/v0/models/cleanweb_en_ru_ar/delete")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo(reason);
		post("/v0/models/cleanweb_en_ru_ar/fit", "").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo(reason);
		post("/v0/models/cleanweb_en_ru_ar/bind", "{\"train_file\": \"a\", \"validate_file\": \"b\"}").expectStatus()
			.isBadRequest();
		post("/v0/models/cleanweb_en_ru_ar/generate", "{\"input\": \"x\"}").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("Model cleanweb_en_ru_ar is not a generator");
		post("/v0/models/default-generator/classify", "{\"input\": \"x\"}").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("Model default-generator is not a classifier");
		assertThat(get("/v0/models/cleanweb_en_ru_ar/status")).containsEntry("status", "Ready");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> publicModels() {
		return (List<Map<String, Object>>) get("/v0/public-models").get("models");
	}

	@SuppressWarnings("unchecked")
	private List<Double> scores(String model, String input) {
		Map<String, Object> answer = (Map<String, Object>) post("/v0/models/" + model + "/classify",
				"{\"input\": \"" + input + "\"}")
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("answer");
		return ((List<Number>) answer.get("scores")).stream().map(Number::doubleValue).toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> texts(String model, String body) {
		Map<String, Object> answer = (Map<String, Object>) post("/v0/models/" + model + "/generate", body)
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("answer");
		return ((List<Map<String, String>>) answer.get("responses")).stream()
			.map((response) -> response.get("response"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> get(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String path, String body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
