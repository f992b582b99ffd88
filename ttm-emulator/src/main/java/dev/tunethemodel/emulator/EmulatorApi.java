package dev.tunethemodel.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state and the operations of the emulated API, each returning the JSON of the real
 * one: the field names of both the API reference and the official SDK, capitalised model
 * statuses, and its timestamps.
 */
final class EmulatorApi {

	static final String DEFAULT_GENERATOR = "default-generator";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private final Map<String, ModelRecord> models = new ConcurrentHashMap<>();

	private final Map<String, FileRecord> files = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration trainingTime;

	private final Duration processingTime;

	private final Supplier<String> baseUrl;

	private final PublicModels publicModels = PublicModels.load();

	EmulatorApi(Clock clock, Duration trainingTime, Duration processingTime, Supplier<String> baseUrl) {
		this.clock = clock;
		this.trainingTime = trainingTime;
		this.processingTime = processingTime;
		this.baseUrl = baseUrl;
	}

	/**
	 * Forget every model and file, as on a fresh start.
	 */
	void reset() {
		this.models.clear();
		this.files.clear();
	}

	Map<String, Object> listModels() {
		return Map.of("models", this.models.values().stream().map(this::model).toList());
	}

	Map<String, Object> listPublicModels() {
		return Map.of("models", this.publicModels.all().stream().map(EmulatorApi::publicModel).toList());
	}

	Map<String, Object> createModel(JsonNode body) {
		String type = taskType(body, "model_type");
		JsonNode params = JsonFields.object(body, "model_params");
		Integer numClasses = (params != null) ? JsonFields.wholeInt(params, "num_classes",
				EmulatorLimits.MIN_NUM_CLASSES, EmulatorLimits.MAX_NUM_CLASSES) : null;
		Integer trainIters = (params != null)
				? JsonFields.wholeInt(params, "train_iters", 1, EmulatorLimits.MAX_TRAIN_ITERS) : null;
		String name = body.hasNonNull("name") ? body.get("name").asString() : null;
		String baseModel = body.hasNonNull("pretrained_model") ? body.get("pretrained_model").asString() : null;
		ModelRecord model = new ModelRecord(newId(), name, type, numClasses, trainIters, baseModel, now());
		this.models.put(model.id(), model);
		return model(model);
	}

	Map<String, Object> getModel(String id) {
		PublicModels.PublicModel publicModel = this.publicModels.get(id);
		return (publicModel != null) ? publicModel(publicModel) : model(find(id));
	}

	Map<String, Object> deleteModel(String id) {
		ModelRecord model = find(id);
		this.models.remove(id);
		return model(model);
	}

	Map<String, Object> bind(String id, JsonNode body) {
		ModelRecord model = find(id);
		FileRecord train = bindableFile(JsonFields.text(body, "train_file"), model);
		FileRecord validate = bindableFile(JsonFields.text(body, "validate_file"), model);
		model.bind(train.id(), validate.id(), now());
		return model(model);
	}

	Map<String, Object> fit(String id) {
		ModelRecord model = find(id);
		Instant now = now();
		FileRecord trainFile = boundFile(model.trainFile());
		FileRecord validateFile = boundFile(model.validateFile());
		// the SDK binds files still being processed: training waits for them
		Instant processed = latest(processed(trainFile, now), processed(validateFile, now));
		Dataset train = usableDataset(trainFile);
		Dataset validate = usableDataset(validateFile);
		if (train == null || validate == null) {
			model.fitFailingFiles(now, processed);
		}
		else {
			model.fit(train(model, train, validate), now, processed);
		}
		return model(model);
	}

	Map<String, Object> classify(String id, JsonNode body) {
		String input = requiredText(body, "input");
		if (!(trained(id, "classifier") instanceof NaiveBayesClassifier classifier)) {
			throw EmulatorException.badRequest("Model " + id + " is not a classifier");
		}
		List<Double> scores = new ArrayList<>();
		for (double score : classifier.classify(input)) {
			scores.add(score);
		}
		return Map.of("answer", Map.of("scores", scores));
	}

	Map<String, Object> generate(String id, JsonNode body) {
		String input = requiredText(body, "input");
		GenerationParameters parameters = GenerationParameters.read(body, input);
		if (!(trained(id, "generator") instanceof TextGenerator trained)) {
			throw EmulatorException.badRequest("Model " + id + " is not a generator");
		}
		TextGenerator generator = DEFAULT_GENERATOR.equals(id) ? FewShot.generatorFor(input, trained) : trained;
		String prompt = DEFAULT_GENERATOR.equals(id) ? FewShot.query(input) : input;
		List<Map<String, Object>> responses = generator.generate(prompt, parameters)
			.stream()
			.map((text) -> Map.<String, Object>of("response", text))
			.toList();
		return Map.of("answer", Map.of("responses", responses));
	}

	Map<String, Object> createFile(JsonNode body) {
		String name = requiredText(body, "name");
		String taskType = taskType(body, "task_type");
		FileRecord file = new FileRecord(newId(), name, taskType, newId(), now());
		this.files.put(file.id(), file);
		return file(file);
	}

	Map<String, Object> listFiles() {
		return Map.of("files", this.files.values().stream().map(this::file).toList());
	}

	Map<String, Object> getFile(String id) {
		return file(findFile(id));
	}

	Map<String, Object> deleteFile(String id) {
		FileRecord file = findFile(id);
		this.files.remove(id);
		return file(file);
	}

	/**
	 * Find the file an upload is for, as a pre-signed URL of an object store would: the
	 * signature is the only credential.
	 * @param id the id of the file
	 * @param signature the signature of the upload URL
	 * @return the file
	 */
	FileRecord uploadTarget(String id, @Nullable String signature) {
		FileRecord file = this.files.get(id);
		if (file == null || !file.signature().equals(signature)) {
			throw new EmulatorException(403, "The request signature does not match");
		}
		return file;
	}

	void upload(FileRecord file, Dataset dataset) {
		file.upload(dataset, now());
	}

	private @Nullable Object train(ModelRecord model, Dataset train, Dataset validate) {
		if (model.type().equals("generator")) {
			return new NearestExampleGenerator(train.inputs(), train.outputs());
		}
		int numClasses = (model.numClasses() != null) ? model.numClasses() : Math.max(2, train.maxLabel() + 1);
		if (train.maxLabel() >= numClasses || validate.maxLabel() >= numClasses) {
			return null;
		}
		return new NaiveBayesClassifier(train.inputs(), train.classes(), numClasses);
	}

	private @Nullable Object trained(String id, String type) {
		PublicModels.PublicModel publicModel = this.publicModels.get(id);
		if (publicModel != null) {
			return publicModel.type().equals(type) ? publicModel.trained() : null;
		}
		ModelRecord model = find(id);
		Object trained = model.trained(now(), this.trainingTime);
		if (trained == null) {
			throw EmulatorException.badRequest(
					"Model " + id + " is not ready: its status is " + model.status(now(), this.trainingTime).value());
		}
		return model.type().equals(type) ? trained : null;
	}

	// as the live API: a file still being processed can be bound, and fit waits for it
	private FileRecord bindableFile(@Nullable String id, ModelRecord model) {
		FileRecord file = findFile(id);
		String status = file.status(now(), this.processingTime).value();
		if (status.equals("filecreated") || status.equals("filefailed")) {
			throw EmulatorException.badRequest("File " + id + " cannot be bound: its status is " + status);
		}
		if (!file.taskType().equals(model.type())) {
			throw EmulatorException.badRequest("File " + id + " is for a " + file.taskType() + ", but model "
					+ model.id() + " is a " + model.type());
		}
		return file;
	}

	private @Nullable FileRecord boundFile(@Nullable String fileId) {
		return (fileId != null) ? this.files.get(fileId) : null;
	}

	private Instant processed(@Nullable FileRecord file, Instant now) {
		Instant processed = (file != null) ? file.processed(this.processingTime) : null;
		return (processed != null) ? latest(processed, now) : now;
	}

	private static @Nullable Dataset usableDataset(@Nullable FileRecord file) {
		Dataset dataset = (file != null) ? file.dataset() : null;
		return (dataset != null && dataset.usable()) ? dataset : null;
	}

	private static Instant latest(Instant first, Instant second) {
		return first.isAfter(second) ? first : second;
	}

	private ModelRecord find(String id) {
		if (this.publicModels.get(id) != null) {
			throw EmulatorException
				.badRequest("Model " + id + " is a public model: it cannot be bound, fit or deleted");
		}
		ModelRecord model = this.models.get(id);
		if (model == null) {
			throw EmulatorException.notFound("Model " + id + " not found");
		}
		return model;
	}

	private FileRecord findFile(@Nullable String id) {
		FileRecord file = (id != null) ? this.files.get(id) : null;
		if (file == null) {
			throw EmulatorException.notFound("File " + id + " not found");
		}
		return file;
	}

	private Map<String, Object> model(ModelRecord model) {
		ModelRecord.Status status = model.status(now(), this.trainingTime);
		Map<String, Object> json = modelJson(status.value(), model.id(), model.type(), model.name());
		Map<String, Object> params = new LinkedHashMap<>();
		if (model.numClasses() != null) {
			params.put("num_classes", model.numClasses());
		}
		if (model.trainIters() != null) {
			params.put("train_iters", model.trainIters());
		}
		if (!params.isEmpty()) {
			json.put("model_params", params);
		}
		if (model.baseModel() != null) {
			json.put("base_model", model.baseModel());
		}
		json.put("last_updated_time", timestamp(status.since()));
		return json;
	}

	private static Map<String, Object> publicModel(PublicModels.PublicModel model) {
		Map<String, Object> json = modelJson("Ready", model.id(), model.type(), model.id());
		if (model.numClasses() != null) {
			json.put("model_params", Map.of("num_classes", model.numClasses()));
		}
		json.put("base_model", "emulator");
		json.put("last_updated_time", timestamp(Instant.EPOCH));
		return json;
	}

	// both spellings: model_name and user_name (API reference), model_id and name (SDK)
	private static Map<String, Object> modelJson(String status, String id, String type, @Nullable String name) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("status", status);
		json.put("model_id", id);
		json.put("model_name", id);
		json.put("model_type", type);
		if (name != null) {
			json.put("name", name);
			json.put("user_name", name);
		}
		return json;
	}

	private Map<String, Object> file(FileRecord file) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("file_id", file.id());
		// the SDK requires file_name, our client and the API reference read name
		json.put("file_name", file.name());
		json.put("name", file.name());
		json.put("status", file.status(now(), this.processingTime).value());
		json.put("task_type", file.taskType());
		json.put("upload_url", this.baseUrl.get() + "/upload/" + file.id() + "?signature=" + file.signature());
		return json;
	}

	// as the API does: six fractional digits, trailing zeros dropped ("17:52:35.81619")
	private static String timestamp(Instant instant) {
		String text = TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
		int end = text.length();
		while (text.charAt(end - 1) == '0' && text.charAt(end - 2) != '.') {
			end--;
		}
		return text.substring(0, end);
	}

	private static String requiredText(JsonNode body, String field) {
		String text = JsonFields.text(body, field);
		if (text == null || text.isBlank()) {
			throw EmulatorException.badRequest(field + " must not be empty");
		}
		return text;
	}

	private static String taskType(JsonNode body, String field) {
		String type = JsonFields.text(body, field);
		if (type == null || !(type.equals("classifier") || type.equals("generator"))) {
			throw EmulatorException.badRequest(field + " must be classifier or generator");
		}
		return type;
	}

	private Instant now() {
		return this.clock.instant();
	}

	// not SecureRandom: it reads a device, which would block the event loop
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
	}

}
