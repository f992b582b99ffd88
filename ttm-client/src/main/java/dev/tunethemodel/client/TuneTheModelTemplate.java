package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingExample;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationConvention;

/**
 * The reactive client of the Tune the Model v0 API, built on {@link WebClient}. Create
 * one with {@link #builder()}; in a Spring Boot application, inject the auto-configured
 * {@link TuneTheModelOperations} instead.
 * <p>
 * Failed requests are retried as {@link RetrySettings} describes, and every call, its
 * retries included, ends within the template's timeout, with a
 * {@link TuneTheModelTimeoutException} otherwise. The API key is sent in the
 * {@code Authorization} header of requests to the base URL only, and appears in no
 * message, log line or {@code toString()}. Request URIs are built from templates.
 * {@link #withOptions} returns a view of the template over the same connections, whose
 * calls use another key, timeout, retries or added headers.
 *
 * @since 0.1.0
 */
public final class TuneTheModelTemplate implements TuneTheModelOperations {

	/** The base URL of the Tune the Model API. */
	public static final String DEFAULT_BASE_URL = "https://api.tunethemodel.com";

	/** The {@code User-Agent} of every request: {@code ttm-spring-boot-starter/0.1.0}. */
	public static final String USER_AGENT = Transport.USER_AGENT;

	final ClientSettings settings;

	private final RequestOptions options;

	private final ClientResources resources;

	private TuneTheModelTemplate(ClientResources resources, RequestOptions options) {
		this.settings = resources.settings;
		this.options = options;
		this.resources = resources;
	}

	/**
	 * Return a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public TuneTheModelTemplate withOptions(RequestOptions options) {
		RequestOptions merged = this.options.mergedWith(ArgumentChecks.requireNonNull("request options", options));
		return new TuneTheModelTemplate(this.resources.withOptions(merged), merged);
	}

	@Override
	public TuneTheModelTemplate withRetrySettings(RetrySettings retrySettings) {
		return withOptions(RequestOptions.builder().retrySettings(retrySettings).build());
	}

	@Override
	public Flux<Model> listModels() {
		return this.resources.models.list();
	}

	@Override
	public Flux<Model> listPublicModels() {
		return this.resources.models.listPublic();
	}

	@Override
	public Mono<Model> createModel(CreateModelRequest request) {
		return this.resources.models.create(request);
	}

	@Override
	public Mono<Model> getModel(String modelId) {
		return this.resources.models.get(modelId);
	}

	@Override
	public Mono<Model> deleteModel(String modelId) {
		return this.resources.models.delete(modelId);
	}

	@Override
	public Mono<Model> bind(String modelId, String trainFileId, String validateFileId) {
		return this.resources.models.bind(modelId, trainFileId, validateFileId);
	}

	@Override
	public Mono<Model> fit(String modelId) {
		return this.resources.models.fit(modelId);
	}

	@Override
	public Mono<Classification> classify(String modelId, String input) {
		return this.resources.inference.classify(modelId, input);
	}

	@Override
	public Mono<Generation> generate(String modelId, GenerateRequest request) {
		return this.resources.inference.generate(modelId, request);
	}

	@Override
	public Flux<Classification> classifyAll(String modelId, Flux<String> inputs) {
		return this.resources.inference.classifyAll(modelId, inputs);
	}

	@Override
	public Flux<Generation> generateAll(String modelId, Flux<GenerateRequest> requests) {
		return this.resources.inference.generateAll(modelId, requests);
	}

	@Override
	public Mono<Evaluation> evaluate(String modelId, Flux<ClassifierExample> examples) {
		return this.resources.inference.evaluate(modelId, examples);
	}

	@Override
	public Mono<DatasetFile> createFile(String name, ModelType taskType) {
		return this.resources.files.create(name, taskType);
	}

	@Override
	public Flux<DatasetFile> listFiles() {
		return this.resources.files.list();
	}

	@Override
	public Mono<DatasetFile> getFile(String fileId) {
		return this.resources.files.get(fileId);
	}

	@Override
	public Mono<DatasetFile> deleteFile(String fileId) {
		return this.resources.files.delete(fileId);
	}

	@Override
	public Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples) {
		return Mono.defer(() -> this.resources.uploads.upload(ArgumentChecks.requireNonNull("file", file), examples,
				null, "the dataset of file " + file.id()));
	}

	@Override
	public Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return this.resources.trainer.train(model, training, validation);
	}

	@Override
	public Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return this.resources.trainer.trainWithProgress(model, training, validation);
	}

	@Override
	public Flux<Model> watch(String modelId) {
		return this.resources.watcher.watch(modelId);
	}

	@Override
	public Mono<Model> awaitReady(String modelId, Duration timeout) {
		return this.resources.watcher.awaitReady(modelId, timeout);
	}

	@Override
	public String toString() {
		return "TuneTheModelTemplate[baseUrl=" + this.settings.baseUrl()
				+ ((this.options != RequestOptions.none()) ? ", options=" + this.options : "") + "]";
	}

	/** Builds a {@link TuneTheModelTemplate}. */
	public static final class Builder {

		private final ClientSettings.Draft draft = new ClientSettings.Draft();

		private Builder() {
		}

		/**
		 * Build the client's {@link WebClient} from a copy of the given builder, with its
		 * connector, codecs, filters and observation. Defaults to a new one.
		 * @param webClientBuilder the builder to copy
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			WebClient.Builder copy = ArgumentChecks.requireNonNull("web client builder", webClientBuilder).clone();
			return webClientBuilder(() -> copy);
		}

		/**
		 * Build the client's {@link WebClient} from the builder the supplier gives on the
		 * first call, so that building the template costs nothing at startup.
		 * @param webClientBuilder supplies the builder to copy
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
			this.draft.webClientBuilder = ArgumentChecks.requireNonNull("web client builder", webClientBuilder);
			return this;
		}

		/**
		 * Set the base URL of the API, an absolute http(s) URL. Defaults to
		 * {@value #DEFAULT_BASE_URL}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.draft.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Allow a plain {@code http} base URL to a remote host, such as a sidecar proxy,
		 * though the key would cross the network in clear. Defaults to {@code false}.
		 * @param allowInsecureHttp whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.draft.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Set the API key, the {@code Authorization} header. Required.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.draft.apiKey = apiKey;
			return this;
		}

		/**
		 * Set where uploads spool their dataset. Defaults to {@code java.io.tmpdir}.
		 * @param temporaryDirectory the directory
		 * @return this builder
		 */
		public Builder temporaryDirectory(Path temporaryDirectory) {
			this.draft.temporaryDirectory = temporaryDirectory;
			return this;
		}

		/**
		 * Set when failed requests are retried. Defaults to
		 * {@link RetrySettings#defaults()}.
		 * @param retrySettings the retry settings
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.draft.retrySettings = retrySettings;
			return this;
		}

		/**
		 * Set the longest time a call may take, its retries included. Defaults to 60s.
		 * @param timeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.draft.timeout = timeout;
			return this;
		}

		/**
		 * Set the longest wait between two reads of a model's status; reads start 1
		 * second apart and back off to it. Defaults to 30 seconds.
		 * @param pollInterval the interval, more than zero
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.draft.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Set the same for the status of a training's datasets. Defaults to 1s.
		 * @param datasetPollInterval the interval, more than zero
		 * @return this builder
		 */
		public Builder datasetPollInterval(Duration datasetPollInterval) {
			this.draft.datasetPollInterval = datasetPollInterval;
			return this;
		}

		/**
		 * Set how long a training waits for its datasets to be processed. Defaults to
		 * 10m.
		 * @param datasetProcessingTimeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder datasetProcessingTimeout(Duration datasetProcessingTimeout) {
			this.draft.datasetProcessingTimeout = datasetProcessingTimeout;
			return this;
		}

		/**
		 * Set the maximum number of entries of a list response; a longer list ends its
		 * call with a {@link TuneTheModelException}. Defaults to 100,000.
		 * @param maxListEntries the maximum number of entries, more than zero
		 * @return this builder
		 */
		public Builder maxListEntries(int maxListEntries) {
			this.draft.maxListEntries = maxListEntries;
			return this;
		}

		/**
		 * Set the maximum number of calls a bulk call, such as {@link #classifyAll},
		 * makes at once; no more than the client's connections. Defaults to 32.
		 * @param bulkMaxConcurrency the maximum number of calls, more than zero
		 * @return this builder
		 */
		public Builder bulkMaxConcurrency(int bulkMaxConcurrency) {
			this.draft.bulkMaxConcurrency = bulkMaxConcurrency;
			return this;
		}

		/**
		 * Set the maximum number of inputs of a bulk call started and not yet passed on,
		 * whose results wait behind an earlier input that waits out a
		 * {@code Retry-After}; past it, no input starts. Defaults to 16,384.
		 * @param bulkMaxBufferedResults the maximum number of inputs, more than zero
		 * @return this builder
		 */
		public Builder bulkMaxBufferedResults(int bulkMaxBufferedResults) {
			this.draft.bulkMaxBufferedResults = bulkMaxBufferedResults;
			return this;
		}

		/**
		 * Observe each operation and training in the given registry. Defaults to
		 * {@link ObservationRegistry#NOOP}: nothing is observed.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.draft.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Use the given convention for the observations of operations.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(TuneTheModelObservationConvention observationConvention) {
			this.draft.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Use the given convention for the observations of trainings.
		 * @param trainingObservationConvention the convention
		 * @return this builder
		 */
		public Builder trainingObservationConvention(
				TuneTheModelTrainingObservationConvention trainingObservationConvention) {
			this.draft.trainingObservationConvention = trainingObservationConvention;
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws TuneTheModelConfigurationException if the API key or the base URL is
		 * missing, malformed or would send the key in clear
		 */
		public TuneTheModelTemplate build() {
			return new TuneTheModelTemplate(ClientResources.of(this.draft), RequestOptions.none());
		}

	}

}
