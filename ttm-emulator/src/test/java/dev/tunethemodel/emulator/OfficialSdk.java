package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP layer of the official Python SDK (github
 * {@code tune-the-model/tune-the-model-py}, setup.py version 0.1.33, commit f709c2e),
 * written down from {@code resource.py} and {@code cli.py}: each method sends what the
 * SDK sends, as {@code requests} sends it, and checks every field the SDK then reads, as
 * its constructors and enums would.
 */
final class OfficialSdk {

	/**
	 * The values of the SDK's {@code TuneTheModelStatus}: any other status raises.
	 */
	static final Set<String> MODEL_STATUSES = Set.of("ready", "created", "datasetsloaded", "trainrequested", "training",
			"fitfailed", "readytofit", "inqueue");

	/**
	 * The values of the SDK's {@code TuneTheModelFileStatus}.
	 */
	static final Set<String> FILE_STATUSES = Set.of("fileready", "filecreated", "fileinqueue", "fileloading",
			"fileloaded", "filefailed");

	private static final Set<String> TYPES = Set.of("classifier", "generator");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String apiUrl;

	private final String apiKey;

	OfficialSdk(String apiUrl, String apiKey) {
		this.apiUrl = apiUrl;
		this.apiKey = apiKey;
	}

	/**
	 * {@code TuneTheModel.create_classifier(name=..., num_classes=...)}.
	 * @param name the name of the model
	 * @param numClasses the number of classes
	 * @return the answer, checked as {@code TuneTheModel(**answer)} reads it
	 */
	JsonNode createClassifier(String name, int numClasses) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("model_type", "classifier");
		model.put("name", name);
		model.put("model_params", Map.of("num_classes", numClasses));
		return model(request("POST", "/v0/models", model));
	}

	/**
	 * {@code TuneTheModel.create_generator(name=...)}: no {@code model_params} without
	 * {@code train_iters}.
	 * @param name the name of the model
	 * @return the answer, checked as {@code TuneTheModel(**answer)} reads it
	 */
	JsonNode createGenerator(String name) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("model_type", "generator");
		model.put("name", name);
		return model(request("POST", "/v0/models", model));
	}

	/**
	 * {@code TuneTheModel.status}: {@code TuneTheModelStatus(r["status"].lower())}.
	 * @param modelId the model
	 * @return the status, lower-cased
	 */
	String status(String modelId) {
		return modelStatus(request("GET", "/v0/models/" + modelId + "/status", null));
	}

	/**
	 * {@code TuneTheModel.from_id}.
	 * @param modelId the model
	 * @return the answer, checked as {@code TuneTheModel(**answer)} reads it
	 */
	JsonNode fromId(String modelId) {
		return model(request("GET", "/v0/models/" + modelId + "/status", null));
	}

	/**
	 * {@code TuneTheModelFile.create(name, type)}.
	 * @param name the name of the file
	 * @param taskType {@code classifier} or {@code generator}
	 * @return the answer, checked as {@code TuneTheModelFile(**answer)} reads it
	 */
	JsonNode createFile(String name, String taskType) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("name", name);
		file.put("task_type", taskType);
		JsonNode answer = file(request("POST", "/v0/files", file));
		assertThat(answer.get("upload_url").isString()).as("upload_url").isTrue();
		return answer;
	}

	/**
	 * {@code TuneTheModelFile.upload(X, y)}:
	 * {@code requests.put(upload_url, data=json.dumps(...))}, so no API key and no
	 * {@code Content-Type}; the SDK ignores the answer.
	 * @param file the file, as created
	 * @param inputs the inputs
	 * @param targets the classes or the outputs
	 * @return the HTTP status of the answer
	 */
	int upload(JsonNode file, List<String> inputs, List<?> targets) {
		String key = taskType(file).equals("classifier") ? "classes" : "outputs";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("inputs", inputs);
		data.put(key, targets);
		HttpRequest put = requestsDefaults(URI.create(file.get("upload_url").asString()))
			.PUT(BodyPublishers.ofString(PythonJson.dumps(data)))
			.build();
		return send(put).statusCode();
	}

	/**
	 * {@code TuneTheModelFile.status}.
	 * @param fileId the file
	 * @return the status, lower-cased
	 */
	String fileStatus(String fileId) {
		JsonNode answer = file(request("GET", "/v0/files/" + fileId + "/status", null));
		return answer.get("status").asString().toLowerCase(Locale.ROOT);
	}

	/**
	 * {@code TuneTheModel.bind(train_file, validate_file)}: the answer is only parsed.
	 * @param modelId the model
	 * @param trainFileId the training file
	 * @param validateFileId the validation file
	 */
	void bind(String modelId, String trainFileId, String validateFileId) {
		Map<String, Object> files = new LinkedHashMap<>();
		files.put("train_file", trainFileId);
		files.put("validate_file", validateFileId);
		request("POST", "/v0/models/" + modelId + "/bind", files);
	}

	/**
	 * {@code TuneTheModelAPI.fit(id)}: a POST without a body; the answer is only parsed.
	 * @param modelId the model
	 */
	void fit(String modelId) {
		request("POST", "/v0/models/" + modelId + "/fit", null);
	}

	/**
	 * {@code TuneTheModel.classify(input)}: {@code r["answer"]["scores"]}.
	 * @param modelId the model
	 * @param input the text
	 * @return the scores
	 */
	List<Double> classify(String modelId, String input) {
		JsonNode scores = request("POST", "/v0/models/" + modelId + "/classify", Map.of("input", input)).path("answer")
			.path("scores");
		assertThat(scores.isArray()).as("answer.scores").isTrue();
		scores.forEach((score) -> assertThat(score.isNumber()).as("a score").isTrue());
		return scores.valueStream().map(JsonNode::asDouble).toList();
	}

	/**
	 * {@code TuneTheModel.generate(input)} with the SDK's defaults: a hypothesis without
	 * {@code response} is an empty text.
	 * @param modelId the model
	 * @param input the prompt
	 * @return the texts
	 */
	List<String> generate(String modelId, String input) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("input", input);
		body.put("num_hypos", 1);
		body.put("min_tokens", 1);
		body.put("max_tokens", 128);
		body.put("temperature", 0.6);
		body.put("top_k", 50);
		body.put("top_p", null);
		body.put("seed", null);
		body.put("prefix_tokens_only", false);
		body.put("span_delimiters", null);
		JsonNode responses = request("POST", "/v0/models/" + modelId + "/generate", body).path("answer")
			.path("responses");
		assertThat(responses.isArray()).as("answer.responses").isTrue();
		return responses.valueStream().map((response) -> {
			assertThat(response.isObject()).as("a response").isTrue();
			return response.has("response") ? response.get("response").asString() : "";
		}).toList();
	}

	/**
	 * {@code TuneTheModel.public_models()}: {@code r.get("models", [])}.
	 * @return the models, each checked as {@code TuneTheModel(**model)} reads it
	 */
	List<JsonNode> publicModels() {
		return request("GET", "/v0/public-models", null).path("models").valueStream().map(this::model).toList();
	}

	/**
	 * {@code TuneTheModel.models()}.
	 * @return the models, each checked as {@code TuneTheModel(**model)} reads it
	 */
	List<JsonNode> models() {
		return request("GET", "/v0/models", null).path("models").valueStream().map(this::model).toList();
	}

	/**
	 * {@code TuneTheModelFile.files()}: {@code r.get("files", [])}.
	 * @return the files, each checked as {@code TuneTheModelFile(**file)} reads it
	 */
	List<JsonNode> files() {
		return request("GET", "/v0/files", null).path("files").valueStream().map(this::file).toList();
	}

	/**
	 * {@code TuneTheModel.delete()}: the answer is returned as it is.
	 * @param modelId the model
	 * @return the answer
	 */
	JsonNode deleteModel(String modelId) {
		return request("DELETE", "/v0/models/" + modelId + "/delete", null);
	}

	/**
	 * {@code TuneTheModelFile.delete()}.
	 * @param fileId the file
	 * @return the answer
	 */
	JsonNode deleteFile(String fileId) {
		return request("DELETE", "/v0/files/" + fileId + "/delete", null);
	}

	// TuneTheModel(model_id, status, model_type, base_model=None, **kwargs); name from
	// kwargs
	private JsonNode model(JsonNode model) {
		assertThat(model.get("model_id")).as("model_id of %s", model).isNotNull();
		assertThat(model.get("model_id").isString()).as("model_id").isTrue();
		modelStatus(model);
		assertThat(TYPES).as("model_type").contains(text(model, "model_type").toLowerCase(Locale.ROOT));
		assertThat(model.path("base_model").isNull() || model.path("base_model").isString()
				|| model.path("base_model").isMissingNode())
			.as("base_model")
			.isTrue();
		assertThat(model.path("name").isString() || model.path("name").isMissingNode()).as("name").isTrue();
		return model;
	}

	// TuneTheModelFile(file_id, status, task_type, file_name, **kwargs)
	private JsonNode file(JsonNode file) {
		assertThat(text(file, "file_id")).as("file_id").isNotBlank();
		assertThat(text(file, "file_name")).as("file_name").isNotNull();
		assertThat(FILE_STATUSES).as("status").contains(text(file, "status").toLowerCase(Locale.ROOT));
		taskType(file);
		return file;
	}

	private static String taskType(JsonNode file) {
		String type = text(file, "task_type").toLowerCase(Locale.ROOT);
		assertThat(TYPES).as("task_type").contains(type);
		return type;
	}

	private static String modelStatus(JsonNode model) {
		String status = text(model, "status").toLowerCase(Locale.ROOT);
		assertThat(MODEL_STATUSES).as("status of %s", model).contains(status);
		return status;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		assertThat(value).as("%s of %s", field, node).isNotNull();
		assertThat(value.isString()).as("%s is a string", field).isTrue();
		return value.asString();
	}

	// TuneTheModelAPI._request: the key raw in Authorization, JSON only when there is
	// data
	private JsonNode request(String method, String path, @Nullable Map<String, ?> data) {
		HttpRequest.Builder request = requestsDefaults(URI.create(this.apiUrl + path)).header("Authorization",
				this.apiKey);
		if (data != null) {
			request.header("Content-Type", "application/json")
				.method(method, BodyPublishers.ofString(PythonJson.dumps(data)));
		}
		else {
			request.method(method, method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString(""));
		}
		HttpResponse<String> response = send(request.build());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static HttpRequest.Builder requestsDefaults(URI uri) {
		return HttpRequest.newBuilder(uri)
			.header("User-Agent", "python-requests/2.28.1")
			.header("Accept-Encoding", "gzip, deflate")
			.header("Accept", "*/*");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
