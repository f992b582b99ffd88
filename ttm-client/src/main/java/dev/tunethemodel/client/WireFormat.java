package dev.tunethemodel.client;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelParams;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;

/**
 * The JSON bodies the API exchanges, and their mapping to the client's types. Requests
 * are written exactly as the API documents them; responses are read tolerantly: both
 * spellings of a field, statuses in any case, unknown fields ignored.
 */
final class WireFormat {

	private WireFormat() {
	}

	// the client's own mapper: the app's Jackson settings must not change the wire
	static JsonMapper createJsonMapper() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Return the JSON properties a response type reads.
	 * @param type the response type, whose components are all named by
	 * {@link JsonProperty}
	 * @return the names of its properties
	 */
	static Set<String> propertyNames(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents())
			.map((component) -> component.getAccessor().getAnnotation(JsonProperty.class).value())
			.collect(Collectors.toUnmodifiableSet());
	}

	record CreateModelBody(@JsonProperty("model_type") String modelType,
			@JsonProperty("name") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String name,
			@JsonProperty("model_params") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ModelParamsBody modelParams,
			@JsonProperty("pretrained_model") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String pretrainedModel) {

		static CreateModelBody of(CreateModelRequest request) {
			ModelParamsBody params = (request.numClasses() != null || request.trainIters() != null)
					? new ModelParamsBody(request.numClasses(), request.trainIters()) : null;
			return new CreateModelBody(request.type().apiValue(), request.name(), params, request.pretrainedModel());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ModelParamsBody(@JsonProperty("num_classes") @Nullable Integer numClasses,
			@JsonProperty("train_iters") @Nullable Integer trainIters) {

	}

	record BindBody(@JsonProperty("train_file") String trainFile, @JsonProperty("validate_file") String validateFile) {

	}

	record InputBody(@JsonProperty("input") String input) {

	}

	record GenerateBody(@JsonProperty("input") String input, @JsonProperty("num_hypos") int numHypos,
			@JsonProperty("min_tokens") int minTokens, @JsonProperty("max_tokens") int maxTokens,
			@JsonProperty("temperature") double temperature, @JsonProperty("top_k") int topK,
			@JsonProperty("top_p") @Nullable Double topP, @JsonProperty("seed") @Nullable Long seed,
			@JsonProperty("prefix_tokens_only") boolean prefixTokensOnly,
			@JsonProperty("span_delimiters") @Nullable String spanDelimiters) {

		static GenerateBody of(GenerateRequest request) {
			return new GenerateBody(request.input(), request.numHypos(), request.minTokens(), request.maxTokens(),
					request.temperature(), request.topK(), request.topP(), request.seed(), request.prefixTokensOnly(),
					request.spanDelimiters());
		}

	}

	record CreateFileBody(@JsonProperty("name") String name, @JsonProperty("task_type") String taskType) {

	}

	// unknown properties skipped, not kept for a creator that never takes them
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ModelResponse(@JsonProperty("model_id") @Nullable String modelId,
			@JsonProperty("model_name") @Nullable String modelName,
			@JsonProperty("user_name") @Nullable String userName, @JsonProperty("name") @Nullable String name,
			@JsonProperty("model_type") @Nullable String modelType, @JsonProperty("status") @Nullable String status,
			@JsonProperty("model_params") @Nullable ModelParamsBody modelParams,
			@JsonProperty("base_model") @Nullable String baseModel,
			@JsonProperty("last_updated_time") @Nullable String lastUpdatedTime) {

		Model toModel() {
			// the API reference sends the id as model_name, the SDK reads model_id
			String id = (this.modelId != null) ? this.modelId : this.modelName;
			if (id == null || id.isBlank()) {
				throw new IllegalStateException("a model has neither model_name nor model_id");
			}
			ModelParams params = (this.modelParams != null)
					? new ModelParams(this.modelParams.numClasses(), this.modelParams.trainIters()) : ModelParams.NONE;
			return new Model(id, (this.userName != null) ? this.userName : this.name,
					ModelType.fromApiValue(this.modelType), ModelStatus.fromApiValue(this.status), this.status, params,
					this.baseModel, ApiValues.parseTimestamp(this.lastUpdatedTime));
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record FileResponse(@JsonProperty("file_id") @Nullable String fileId, @JsonProperty("id") @Nullable String id,
			@JsonProperty("name") @Nullable String name, @JsonProperty("task_type") @Nullable String taskType,
			@JsonProperty("status") @Nullable String status, @JsonProperty("upload_url") @Nullable String uploadUrl) {

		DatasetFile toDatasetFile() {
			String fileId = (this.fileId != null) ? this.fileId : this.id;
			if (fileId == null || fileId.isBlank()) {
				throw new IllegalStateException("a file has no file_id");
			}
			return new DatasetFile(fileId, this.name, ModelType.fromApiValue(this.taskType),
					FileStatus.fromApiValue(this.status), this.status, uploadUri());
		}

		private @Nullable URI uploadUri() {
			if (this.uploadUrl == null || this.uploadUrl.isBlank()) {
				return null;
			}
			try {
				return URI.create(this.uploadUrl.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("upload_url is not a valid URI", ex);
			}
		}

	}

	record ClassifyResponse(@JsonProperty("answer") @Nullable Answer answer) {

		Classification toClassification() {
			if (this.answer == null || this.answer.scores() == null || this.answer.scores().isEmpty()) {
				throw new IllegalStateException("\"answer\" has no scores");
			}
			if (this.answer.scores().contains(null)) {
				throw new IllegalStateException("\"answer\" has a null score");
			}
			return new Classification(this.answer.scores());
		}

		record Answer(@JsonProperty("scores") @Nullable List<Double> scores) {

		}

	}

	record GenerateResponse(@JsonProperty("answer") @Nullable Answer answer) {

		Generation toGeneration() {
			if (this.answer == null || this.answer.responses() == null) {
				throw new IllegalStateException("\"answer\" has no responses");
			}
			// a hypothesis without "response" is an empty text
			return new Generation(this.answer.responses()
				.stream()
				.map((hypothesis) -> (hypothesis != null && hypothesis.response() != null) ? hypothesis.response() : "")
				.toList());
		}

		record Answer(@JsonProperty("responses") @Nullable List<Hypothesis> responses) {

		}

		record Hypothesis(@JsonProperty("response") @Nullable String response) {

		}

	}

}
