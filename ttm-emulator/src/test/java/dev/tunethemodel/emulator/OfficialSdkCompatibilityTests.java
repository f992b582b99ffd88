package dev.tunethemodel.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator driven as the official Python SDK drives the API: the request sequences of
 * its {@code tune_classifier}, {@code tune_generator}, {@code generate} and public model
 * tests, each answer checked for every field the SDK reads (see {@link OfficialSdk}).
 */
class OfficialSdkCompatibilityTests {

	private static final Duration PROCESSING_TIME = Duration.ofMillis(300);

	private final MutableClock clock = new MutableClock();

	private TuneTheModelEmulator emulator;

	private OfficialSdk sdk;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofSeconds(3))
			.processingTime(PROCESSING_TIME)
			.clock(this.clock)
			.start();
		this.sdk = new OfficialSdk(this.emulator.baseUrl(), this.emulator.apiKey());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void tuneClassifierTrainsAClassifierAsTheSdkRunsIt() {
		JsonNode model = this.sdk.createClassifier("sdk-classifier", 2);
		assertThat(model.get("name").asString()).isEqualTo("sdk-classifier");
		String id = model.get("model_id").asString();
		fit(model, SentimentDataset.inputs(), SentimentDataset.labels());
		List<String> statuses = waitForTrainingFinish(id);
		assertThat(statuses).startsWith("trainrequested").endsWith("ready").contains("inqueue", "training");
		List<Double> scores = this.sdk.classify(id, "a wonderful, friendly and helpful team");
		assertThat(scores).hasSize(2);
		assertThat(scores.get(1)).isGreaterThan(scores.get(0));
	}

	@Test
	void tuneGeneratorTrainsAGeneratorAsTheSdkRunsIt() {
		JsonNode model = this.sdk.createGenerator("sdk-generator");
		String id = model.get("model_id").asString();
		List<String> inputs = IntStream.range(0, 40).mapToObj((i) -> "What is the capital of country " + i).toList();
		List<String> outputs = IntStream.range(0, 40).mapToObj((i) -> "Столица " + i).toList();
		fit(model, inputs, outputs);
		assertThat(waitForTrainingFinish(id)).endsWith("ready");
		assertThat(this.sdk.generate(id, "What is the capital of country 27?")).containsExactly("Столица 27");
	}

	@Test
	void aFileThatFailsAfterTheSdkBoundItFailsTheModel() {
		JsonNode model = this.sdk.createClassifier("sdk-classifier", 2);
		List<String> inputs = new ArrayList<>(SentimentDataset.inputs());
		inputs.set(3, "");
		fit(model, inputs, SentimentDataset.labels());
		List<String> statuses = waitForTrainingFinish(model.get("model_id").asString());
		assertThat(statuses).containsExactly("trainrequested", "trainrequested", "trainrequested", "fitfailed");
	}

	@Test
	void publicModelsServeTheSdkTests() {
		List<JsonNode> publicModels = this.sdk.publicModels();
		assertThat(publicModels).extracting((model) -> model.path("name").asString())
			.contains("massive_intent_classification", "massive_slot_detection_gen",
					"amazon_description_by_title_en_ru_ar", "amazon_title_by_description_en_ru_ar",
					"factcheck_classifier_en_ru_ar", "factcheck_random_fact_en_ru_ar", "cleanweb_en_ru_ar");
		for (JsonNode model : publicModels) {
			assertThat(this.sdk.status(model.get("model_id").asString())).isEqualTo("ready");
		}
		assertThat(this.sdk.classify("massive_intent_classification", "test")).isNotEmpty();
		String slots = this.sdk.generate("massive_slot_detection_gen", "Remind me to call Thomas tomorrow").get(0);
		assertThat(slots).contains("Remind me").contains("Thomas");
		assertThat(this.sdk.generate("amazon_description_by_title_en_ru_ar", "Title")).isNotEmpty();
		assertThat(this.sdk.generate("amazon_title_by_description_en_ru_ar", "Description")).isNotEmpty();
		assertThat(this.sdk.classify("factcheck_classifier_en_ru_ar", "Test")).isNotEmpty();
		assertThat(this.sdk.generate("factcheck_random_fact_en_ru_ar", "Test")).isNotEmpty();
		assertThat(this.sdk.classify("cleanweb_en_ru_ar", "Test")).isNotEmpty();
	}

	@Test
	void generateOfTheSdkAsksTheDefaultGenerator() {
		assertThat(this.sdk.generate("default-generator", "Tell me a joke")).singleElement()
			.asString()
			.isNotBlank()
			.isNotEqualTo("Tell me a joke");
	}

	@Test
	void listsLookUpsAndDeletionsAnswerWhatTheSdkReads() {
		String modelId = this.sdk.createClassifier("listed", 3).get("model_id").asString();
		JsonNode file = this.sdk.createFile("train", "classifier");
		String fileId = file.get("file_id").asString();
		assertThat(file.get("file_name").asString()).isEqualTo("train");
		assertThat(this.sdk.models()).extracting((model) -> model.get("model_id").asString()).containsExactly(modelId);
		assertThat(this.sdk.fromId(modelId).get("name").asString()).isEqualTo("listed");
		assertThat(this.sdk.files()).extracting((listed) -> listed.get("file_id").asString()).containsExactly(fileId);
		assertThat(this.sdk.fileStatus(fileId)).isEqualTo("filecreated");
		assertThat(this.sdk.deleteFile(fileId).get("file_id").asString()).isEqualTo(fileId);
		assertThat(this.sdk.deleteModel(modelId).get("model_id").asString()).isEqualTo(modelId);
	}

	// TuneTheModel.fit: upload both files, bind at once, require DatasetsLoaded, fit
	private void fit(JsonNode model, List<String> inputs, List<?> targets) {
		String id = model.get("model_id").asString();
		String type = model.get("model_type").asString();
		assertThat(this.sdk.status(id)).isNotIn("ready", "training", "trainrequested");
		JsonNode train = this.sdk.createFile("train", type);
		assertThat(this.sdk.upload(train, inputs, targets)).isEqualTo(200);
		JsonNode validate = this.sdk.createFile("val", type);
		assertThat(this.sdk.upload(validate, inputs, targets)).isEqualTo(200);
		String trainId = train.get("file_id").asString();
		assertThat(this.sdk.fileStatus(trainId)).isEqualTo("fileinqueue");
		this.sdk.bind(id, trainId, validate.get("file_id").asString());
		assertThat(this.sdk.status(id)).as("the SDK raises 'Dataset is required' otherwise")
			.isEqualTo("datasetsloaded");
		this.sdk.fit(id);
		this.sdk.status(id);
	}

	// TuneTheModel.wait_for_training_finish: poll until ready, raise on fitfailed
	private List<String> waitForTrainingFinish(String id) {
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String status = this.sdk.status(id);
			statuses.add(status);
			if (status.equals("ready") || status.equals("fitfailed")) {
				return statuses;
			}
			this.clock.advance(PROCESSING_TIME.dividedBy(3));
		}
		throw new AssertionError("Model " + id + " is still not ready: " + statuses);
	}

}
