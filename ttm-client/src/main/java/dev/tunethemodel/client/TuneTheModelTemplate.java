package dev.tunethemodel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive client of the Tune the Model v0 API, built on {@link WebClient}. Create
 * one with {@link #builder()}; in a Spring Boot application, inject the auto-configured
 * {@link TuneTheModelOperations} instead.
 * <p>
 * Failed requests are repeated as {@link RetrySettings} describes, and every call, its
 * repeats included, ends within the template's timeout, with a
 * {@link TuneTheModelTimeoutException} otherwise. The API key is sent in the
 * {@code Authorization} header of requests to the base URL only, and appears in no
 * message, log line or {@code toString()}. Request URIs are built from templates.
 *
 * @since 0.1.0
 */
public final class TuneTheModelTemplate implements TuneTheModelOperations {

	/** The base URL of the Tune the Model API. */
	public static final String DEFAULT_BASE_URL = "https://api.tunethemodel.com";

	/** The longest time a call may take by default, its repeats included. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	/** How often {@link #watch} reads a model's status by default. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

	/** How often a training reads the status of its datasets by default. */
	public static final Duration DEFAULT_DATASET_POLL_INTERVAL = Duration.ofSeconds(1);

	/** How long a training waits for the API to process its datasets by default. */
	public static final Duration DEFAULT_DATASET_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

	/** The most entries of a list answer by default, far more than any account has. */
	public static final int DEFAULT_MAX_LIST_ENTRIES = 100_000;

	/** The most calls at once of a bulk call, such as {@link #classifyAll}. */
	public static final int DEFAULT_BULK_MAX_CONCURRENCY = 32;

	/** The {@code User-Agent} of every request: {@code ttm-spring-boot-starter/0.1.0}. */
	public static final String USER_AGENT = Transport.USER_AGENT;

	private final Transport transport;

	private final ClientSettings settings;

	private final ModelResource models;

	private final FileResource files;

	private final InferenceResource inference;

	private final BulkInference bulk;

	private final DatasetUpload uploads;

	private final ModelWatcher watcher;

	private final Trainer trainer;

	private TuneTheModelTemplate(Transport transport, ClientSettings settings) {
		this.transport = transport;
		this.settings = settings;
		this.models = new ModelResource(transport);
		this.files = new FileResource(transport);
		this.inference = new InferenceResource(transport);
		this.bulk = new BulkInference(this.inference, settings.bulkMaxConcurrency(), settings.timeout());
		this.uploads = new DatasetUpload(transport, settings.temporaryDirectory());
		this.watcher = new ModelWatcher(this.models, settings.pollInterval());
		this.trainer = new Trainer(this.models, this.files, this.uploads, this.watcher,
				new Deletions(transport, settings.retrySettings()), this.bulk, settings);
	}

	/**
	 * Return a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public TuneTheModelTemplate withRetrySettings(RetrySettings retrySettings) {
		ClientSettings settings = this.settings.withRetrySettings(retrySettings);
		return new TuneTheModelTemplate(this.transport.withRetrySettings(settings.retrySettings()), settings);
	}

	@Override
	public Flux<Model> listModels() {
		return this.models.list();
	}

	@Override
	public Flux<Model> listPublicModels() {
		return this.models.listPublic();
	}

	@Override
	public Mono<Model> createModel(CreateModelRequest request) {
		return this.models.create(request);
	}

	@Override
	public Mono<Model> getModel(String modelId) {
		return this.models.get(modelId);
	}

	@Override
	public Mono<Model> deleteModel(String modelId) {
		return this.models.delete(modelId);
	}

	@Override
	public Mono<Model> bind(String modelId, String trainFileId, String validateFileId) {
		return this.models.bind(modelId, trainFileId, validateFileId);
	}

	@Override
	public Mono<Model> fit(String modelId) {
		return this.models.fit(modelId);
	}

	@Override
	public Mono<Classification> classify(String modelId, String input) {
		return this.inference.classify(modelId, input);
	}

	@Override
	public Mono<Generation> generate(String modelId, GenerateRequest request) {
		return this.inference.generate(modelId, request);
	}

	@Override
	public Flux<Classification> classifyAll(String modelId, Flux<String> inputs) {
		return this.bulk.classifyAll(modelId, inputs);
	}

	@Override
	public Flux<Generation> generateAll(String modelId, Flux<GenerateRequest> requests) {
		return this.bulk.generateAll(modelId, requests);
	}

	@Override
	public Mono<Evaluation> evaluate(String modelId, Flux<ClassifierExample> examples) {
		return this.bulk.evaluate(modelId, examples);
	}

	@Override
	public Mono<DatasetFile> createFile(String name, ModelType taskType) {
		return this.files.create(name, taskType);
	}

	@Override
	public Flux<DatasetFile> listFiles() {
		return this.files.list();
	}

	@Override
	public Mono<DatasetFile> getFile(String fileId) {
		return this.files.get(fileId);
	}

	@Override
	public Mono<DatasetFile> deleteFile(String fileId) {
		return this.files.delete(fileId);
	}

	@Override
	public Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples) {
		return Mono.defer(() -> this.uploads.upload(ArgumentChecks.requireNonNull("file", file), examples, null,
				"the dataset of file " + file.id()));
	}

	@Override
	public Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return this.trainer.train(model, training, validation);
	}

	@Override
	public Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return this.trainer.trainWithProgress(model, training, validation);
	}

	@Override
	public Flux<Model> watch(String modelId) {
		return this.watcher.watch(modelId);
	}

	@Override
	public Mono<Model> awaitReady(String modelId, Duration timeout) {
		return this.watcher.awaitReady(modelId, timeout);
	}

	@Override
	public String toString() {
		return "TuneTheModelTemplate[baseUrl=" + this.settings.baseUrl() + "]";
	}

	/** Builds a {@link TuneTheModelTemplate}. */
	public static final class Builder {

		private Supplier<WebClient.Builder> webClientBuilder = WebClient::builder;

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private @Nullable Path temporaryDirectory;

		private boolean allowInsecureHttp;

		private RetrySettings retrySettings = RetrySettings.defaults();

		private Duration timeout = DEFAULT_TIMEOUT;

		private Duration pollInterval = DEFAULT_POLL_INTERVAL;

		private Duration datasetPollInterval = DEFAULT_DATASET_POLL_INTERVAL;

		private Duration datasetProcessingTimeout = DEFAULT_DATASET_PROCESSING_TIMEOUT;

		private int maxListEntries = DEFAULT_MAX_LIST_ENTRIES;

		private int bulkMaxConcurrency = DEFAULT_BULK_MAX_CONCURRENCY;

		private Builder() {
		}

		/**
		 * Build the client's {@link WebClient} from a copy of the given builder, with its
		 * connector, codecs, filters and observation. Defaults to a new one.
		 * @param webClientBuilder the builder to copy
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			WebClient.Builder copy = webClientBuilder.clone();
			return webClientBuilder(() -> copy);
		}

		/**
		 * Build the client's {@link WebClient} from the builder the supplier gives on the
		 * first call, so that building the template costs nothing at startup.
		 * @param webClientBuilder supplies the builder to copy
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.Builder> webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Set the base URL of the API, an absolute http(s) URL. Defaults to
		 * {@value TuneTheModelTemplate#DEFAULT_BASE_URL}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Allow a plain {@code http} base URL to a host other than loopback, over which
		 * the API key would cross the network in clear; for a connection protected
		 * otherwise, such as a sidecar proxy. Defaults to {@code false}.
		 * @param allowInsecureHttp whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Set the API key, the {@code Authorization} header. Required.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set where uploads spool their dataset. Defaults to {@code java.io.tmpdir}.
		 * @param temporaryDirectory the directory
		 * @return this builder
		 */
		public Builder temporaryDirectory(Path temporaryDirectory) {
			this.temporaryDirectory = temporaryDirectory;
			return this;
		}

		/**
		 * Set when and how failed requests are repeated. Defaults to
		 * {@link RetrySettings#defaults()}.
		 * @param retrySettings the retry settings
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.retrySettings = retrySettings;
			return this;
		}

		/**
		 * Set the longest time a call may take, its repeats included. Defaults to 60s.
		 * @param timeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how often {@link TuneTheModelTemplate#watch} reads a model's status.
		 * Defaults to 30 seconds; training takes 30 minutes to hours.
		 * @param pollInterval the interval, more than zero
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Set how often a training reads the status of its uploaded datasets until the
		 * API has processed them. Defaults to 1 second, as the official SDK.
		 * @param datasetPollInterval the interval, more than zero
		 * @return this builder
		 */
		public Builder datasetPollInterval(Duration datasetPollInterval) {
			this.datasetPollInterval = datasetPollInterval;
			return this;
		}

		/**
		 * Set how long a training waits for the API to process its uploaded datasets.
		 * Defaults to 10 minutes.
		 * @param datasetProcessingTimeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder datasetProcessingTimeout(Duration datasetProcessingTimeout) {
			this.datasetProcessingTimeout = datasetProcessingTimeout;
			return this;
		}

		/**
		 * Set the most entries of a list answer; a longer list ends its call with a
		 * {@link TuneTheModelException}. Defaults to {@value #DEFAULT_MAX_LIST_ENTRIES}.
		 * @param maxListEntries the most entries, more than zero
		 * @return this builder
		 */
		public Builder maxListEntries(int maxListEntries) {
			this.maxListEntries = maxListEntries;
			return this;
		}

		/**
		 * Set the most calls a bulk call, such as
		 * {@link TuneTheModelTemplate#classifyAll}, makes at once; no more than the
		 * connections the client may open. Defaults to
		 * {@value TuneTheModelTemplate#DEFAULT_BULK_MAX_CONCURRENCY}.
		 * @param bulkMaxConcurrency the most calls, more than zero
		 * @return this builder
		 */
		public Builder bulkMaxConcurrency(int bulkMaxConcurrency) {
			this.bulkMaxConcurrency = bulkMaxConcurrency;
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws TuneTheModelConfigurationException if the API key is missing or
		 * malformed, or the base URL is not an absolute http(s) URL or is plain http to a
		 * remote host without {@link #allowInsecureHttp(boolean)}
		 */
		public TuneTheModelTemplate build() {
			Path directory = (this.temporaryDirectory != null) ? this.temporaryDirectory
					: Path.of(System.getProperty("java.io.tmpdir"));
			ClientSettings settings = new ClientSettings(this.baseUrl, this.apiKey, this.allowInsecureHttp, directory,
					this.retrySettings, this.timeout, this.pollInterval, this.datasetPollInterval,
					this.datasetProcessingTimeout, this.maxListEntries, this.bulkMaxConcurrency);
			return new TuneTheModelTemplate(new Transport(this.webClientBuilder, settings), settings);
		}

	}

}
