package dev.tunethemodel.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.WireFormat.BindBody;
import dev.tunethemodel.client.WireFormat.ClassifyResponse;
import dev.tunethemodel.client.WireFormat.CreateFileBody;
import dev.tunethemodel.client.WireFormat.CreateModelBody;
import dev.tunethemodel.client.WireFormat.FileResponse;
import dev.tunethemodel.client.WireFormat.GenerateBody;
import dev.tunethemodel.client.WireFormat.GenerateResponse;
import dev.tunethemodel.client.WireFormat.InputBody;
import dev.tunethemodel.client.WireFormat.ModelResponse;

/**
 * The reactive client of the Tune the Model v0 API, built on {@link WebClient}. Create one
 * with {@link #builder()}; in a Spring Boot application, inject the auto-configured
 * {@link TuneTheModelOperations} instead.
 * <p>
 * Failed requests are repeated as {@link RetrySettings} describes, and every call, its
 * repeats included, ends within the template's timeout, with a
 * {@link TuneTheModelTimeoutException} otherwise. The API key is sent in the
 * {@code Authorization} header of requests to the base URL only, and appears in no message,
 * log line or {@code toString()}. Request URIs are built from templates, so that HTTP client
 * metrics are tagged by template, never by id.
 */
public final class TuneTheModelTemplate implements TuneTheModelOperations {

	/**
	 * The base URL of the Tune the Model API.
	 */
	public static final String DEFAULT_BASE_URL = "https://api.tunethemodel.com";

	/**
	 * The longest time a call may take by default, its repeats included.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How often {@link #watch} reads a model's status by default.
	 */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

	/**
	 * How often a training reads the status of its datasets by default.
	 */
	public static final Duration DEFAULT_DATASET_POLL_INTERVAL = Duration.ofSeconds(1);

	/**
	 * How long a training waits for the API to process its datasets by default.
	 */
	public static final Duration DEFAULT_DATASET_PROCESSING_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * The {@code User-Agent} of every request, such as
	 * {@code ttm-spring-boot-starter/0.1.0}.
	 */
	public static final String USER_AGENT = "ttm-spring-boot-starter/" + ClientVersion.get();

	private static final String UPLOAD_REQUEST = "PUT <upload URL>";

	// enough to say what went wrong; the rest of a large error body is not read
	private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

	// the codecs' own default
	private static final int DEFAULT_MAX_IN_MEMORY_SIZE = 256 * 1024;

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final ClientSettings settings;

	private final Routes routes;

	private final Retries retries;

	private final ApiErrors errors;

	// built on the first call: Reactor Netty, WebClient and Jackson cost nothing at startup
	private final SingletonSupplier<Wire> wire;

	private TuneTheModelTemplate(Supplier<WebClient.Builder> webClientBuilder, ClientSettings settings) {
		this.webClientBuilder = webClientBuilder;
		this.settings = settings;
		this.routes = new Routes(settings.baseUrl());
		this.retries = new Retries(settings.retrySettings());
		this.errors = new ApiErrors(settings.apiKey(), Clock.systemUTC());
		this.wire = SingletonSupplier.of(Wire::new);
	}

	/**
	 * Return a builder of a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a copy of this template that repeats failed requests as the given settings say;
	 * it shares this template's connections.
	 * @param retrySettings the retry settings of the copy
	 * @return the copy
	 */
	public TuneTheModelTemplate withRetrySettings(RetrySettings retrySettings) {
		return new TuneTheModelTemplate(this.webClientBuilder, this.settings.withRetrySettings(retrySettings));
	}

	@Override
	public Flux<Model> listModels() {
		return call(Endpoint.LIST_MODELS, null, wire().modelListDecoder).flatMapIterable(Function.identity());
	}

	@Override
	public Flux<Model> listPublicModels() {
		return call(Endpoint.LIST_PUBLIC_MODELS, null, wire().modelListDecoder).flatMapIterable(Function.identity());
	}

	@Override
	public Mono<Model> createModel(CreateModelRequest request) {
		return Mono.defer(() -> call(Endpoint.CREATE_MODEL, CreateModelBody.of(ArgumentChecks.requireValid(request)),
				wire().modelDecoder));
	}

	@Override
	public Mono<Model> getModel(String modelId) {
		return Mono.defer(
				() -> call(Endpoint.GET_MODEL, null, wire().modelDecoder, ArgumentChecks.requireId("model", modelId)));
	}

	@Override
	public Mono<Model> deleteModel(String modelId) {
		return Mono.defer(() -> call(Endpoint.DELETE_MODEL, null, wire().modelDecoder,
				ArgumentChecks.requireId("model", modelId)));
	}

	@Override
	public Mono<Model> bind(String modelId, String trainFileId, String validateFileId) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			BindBody body = new BindBody(ArgumentChecks.requireId("training file", trainFileId),
					ArgumentChecks.requireId("validation file", validateFileId));
			return call(Endpoint.BIND, body, wire().modelDecoder, model);
		});
	}

	@Override
	public Mono<Model> fit(String modelId) {
		return Mono.defer(
				() -> call(Endpoint.FIT, null, wire().modelDecoder, ArgumentChecks.requireId("model", modelId)));
	}

	@Override
	public Mono<Classification> classify(String modelId, String input) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			InputBody body = new InputBody(ArgumentChecks.requireText("input", input));
			return call(Endpoint.CLASSIFY, body, wire().classificationDecoder, model);
		});
	}

	@Override
	public Mono<Generation> generate(String modelId, GenerateRequest request) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			GenerateBody body = GenerateBody.of(ArgumentChecks.requireValid(request));
			return call(Endpoint.GENERATE, body, wire().generationDecoder, model);
		});
	}

	@Override
	public Mono<DatasetFile> createFile(String name, ModelType taskType) {
		return Mono.defer(() -> {
			CreateFileBody body = new CreateFileBody(ArgumentChecks.requireText("file name", name),
					ArgumentChecks.requireNonNull("task type", taskType).apiValue());
			return call(Endpoint.CREATE_FILE, body, wire().fileDecoder);
		});
	}

	@Override
	public Flux<DatasetFile> listFiles() {
		return call(Endpoint.LIST_FILES, null, wire().fileListDecoder).flatMapIterable(Function.identity());
	}

	@Override
	public Mono<DatasetFile> getFile(String fileId) {
		return Mono.defer(
				() -> call(Endpoint.GET_FILE, null, wire().fileDecoder, ArgumentChecks.requireId("file", fileId)));
	}

	@Override
	public Mono<DatasetFile> deleteFile(String fileId) {
		return Mono.defer(
				() -> call(Endpoint.DELETE_FILE, null, wire().fileDecoder, ArgumentChecks.requireId("file", fileId)));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The examples are read once. The {@code PUT} is repeated as {@link RetrySettings} says,
	 * each time with the whole body, read again from the temporary files; it is bounded by the
	 * template's timeout, reading the examples is not.
	 */
	@Override
	public Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples) {
		return Mono.defer(() -> uploadDataset(ArgumentChecks.requireNonNull("file", file), examples, null,
				"the dataset of file " + file.id()));
	}

	/**
	 * Upload a dataset, checked by its rules as it is spooled.
	 * @param file the file to fill
	 * @param examples the examples
	 * @param numClasses the number of classes of the classifier it trains, {@code null} when
	 * unknown
	 * @param dataset how messages name the dataset
	 * @return completes when the dataset is stored
	 */
	Mono<Void> uploadDataset(DatasetFile file, Flux<? extends TrainingExample> examples, @Nullable Integer numClasses,
			String dataset) {
		return Mono.defer(() -> {
			URI uploadUrl = ArgumentChecks.requireUploadUrl(file);
			ModelType taskType = ArgumentChecks.requireNonNull("task type of the file", file.taskType());
			ArgumentChecks.requireNonNull("examples", examples);
			DatasetRules rules = new DatasetRules(taskType, numClasses, dataset, new ExamplePositions());
			return Mono.usingWhen(
					Mono.fromCallable(
							() -> DatasetSpool.create(this.settings.temporaryDirectory(), rules, wire().jsonMapper))
						.subscribeOn(Schedulers.boundedElastic()),
					(spool) -> examples.publishOn(Schedulers.boundedElastic())
						.doOnNext(spool::append)
						.contextWrite(Context.of(ExamplePositions.class, rules.positions()))
						.then(Mono.fromRunnable(spool::finish))
						.then(withPolicies(() -> UPLOAD_REQUEST, true, () -> put(uploadUrl, spool))),
					(spool) -> Mono.fromRunnable(spool::delete).subscribeOn(Schedulers.boundedElastic()));
		});
	}

	@Override
	public Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> trainingRun(model, training, validation).untilFit())
			.last()
			.map((fitRequested) -> ((TrainingEvent.FitRequested) fitRequested).model());
	}

	@Override
	public Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return Flux.defer(() -> {
			TrainingRun run = trainingRun(model, training, validation);
			return run.untilFit().concatWith(Flux.defer(() -> {
				Model fitted = run.model();
				return watch(fitted.id())
					.skipWhile((polled) -> sameStatus(polled, fitted) && polled.status() != ModelStatus.READY)
					.map((polled) -> (polled.status() == ModelStatus.READY) ? new TrainingEvent.Ready(polled)
							: new TrainingEvent.StatusChanged(polled));
			}));
		});
	}

	private TrainingRun trainingRun(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation) {
		return new TrainingRun(this, ArgumentChecks.requireValid(model),
				ArgumentChecks.requireNonNull("training examples", training),
				ArgumentChecks.requireNonNull("validation examples", validation), this.settings.datasetPollInterval(),
				this.settings.datasetProcessingTimeout());
	}

	@Override
	public Flux<Model> watch(String modelId) {
		return Flux.defer(() -> {
			String id = ArgumentChecks.requireId("model", modelId);
			return Mono.defer(() -> getModel(id))
				.repeatWhen((polls) -> polls.delayElements(this.settings.pollInterval()))
				.distinctUntilChanged(TuneTheModelTemplate::statusKey)
				.<Model>handle((polled, sink) -> {
					if (polled.status() == ModelStatus.FIT_FAILED) {
						sink.error(new TuneTheModelTrainingFailedException(polled));
					}
					else {
						sink.next(polled);
					}
				})
				.takeUntil((polled) -> polled.status() == ModelStatus.READY);
		});
	}

	@Override
	public Mono<Model> awaitReady(String modelId, Duration timeout) {
		return Mono.defer(() -> {
			String id = ArgumentChecks.requireId("model", modelId);
			ArgumentChecks.requirePositive("timeout", timeout);
			AtomicReference<Model> last = new AtomicReference<>();
			return watch(id).doOnNext(last::set)
				.last()
				.timeout(timeout, Mono.error(() -> new TuneTheModelTimeoutException("Model " + id
						+ " was not ready within " + timeout + ((last.get() != null)
								? ": its status is " + last.get().rawStatus() : ""), null)));
		});
	}

	private static boolean sameStatus(Model one, Model other) {
		return statusKey(one).equals(statusKey(other));
	}

	// unknown statuses are told apart by their text
	private static Object statusKey(Model model) {
		return (model.status() != ModelStatus.UNKNOWN) ? model.status() : ApiValues.normalize(model.rawStatus());
	}

	private Mono<Void> put(URI uploadUrl, DatasetSpool spool) {
		BodyInserter<Flux<DataBuffer>, ClientHttpRequest> content = (request, context) -> request
			.writeWith(spool.content(request.bufferFactory()));
		// no Authorization header: the URL is pre-signed, usually for another host
		return wire().uploadClient.put()
			.uri(uploadUrl)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(spool.contentLength())
			.body(content)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
					: errorAnswer(response));
	}

	private <T> Mono<T> call(Endpoint endpoint, @Nullable Object body, ResponseDecoder<T> decoder) {
		return call(endpoint, body, decoder, null);
	}

	private <T> Mono<T> call(Endpoint endpoint, @Nullable Object body, ResponseDecoder<T> decoder,
			@Nullable String id) {
		byte[] json = (body != null) ? wire().writer.writeValueAsBytes(body) : null;
		// described only when something goes wrong
		Supplier<String> request = () -> (id != null) ? endpoint + " [" + id + "]" : endpoint.toString();
		return withPolicies(request, endpoint.repeatable(), () -> exchange(endpoint, json, id, decoder, request));
	}

	/**
	 * Return the call of the given attempts, repeated as the retry settings say, ended by the
	 * timeout, and failing with the client's exceptions only.
	 */
	private <T> Mono<T> withPolicies(Supplier<String> request, boolean repeatable, Supplier<Mono<T>> attempt) {
		return Mono.defer(() -> {
			Duration timeout = this.settings.timeout();
			Attempts attempts = new Attempts(System.nanoTime() + timeout.toNanos());
			return attempt(attempts, repeatable, attempt)
				.onErrorMap((ex) -> this.errors.callFailure(request.get(), ex, attempts.count))
				.timeout(timeout, Mono.error(() -> this.errors.timeout(request.get(), timeout, attempts.count)));
		});
	}

	// a repeat only when an attempt fails: nothing is built for calls that succeed
	private <T> Mono<T> attempt(Attempts attempts, boolean repeatable, Supplier<Mono<T>> attempt) {
		attempts.count++;
		return attempt.get().onErrorResume((ex) -> {
			Duration delay = this.retries.delay(ex, repeatable, attempts.count, attempts.deadline - System.nanoTime());
			return (delay != null) ? Mono.delay(delay).then(Mono.defer(() -> attempt(attempts, repeatable, attempt)))
					: Mono.error(ex);
		});
	}

	private <T> Mono<T> exchange(Endpoint endpoint, byte @Nullable [] json, @Nullable String id,
			ResponseDecoder<T> decoder, Supplier<String> request) {
		Routes.Route route = this.routes.get(endpoint);
		WebClient.RequestBodySpec spec = wire().apiClient.method(endpoint.method())
			.uri(route.uri(id))
			.attribute(Routes.URI_TEMPLATE_ATTRIBUTE, route.uriTemplate());
		if (json != null) {
			spec.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.body((message, context) -> message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(json))));
		}
		return spec.exchangeToMono((response) -> response.statusCode().is2xxSuccessful()
				? decoder.decode(response, request) : errorAnswer(response));
	}

	private <T> Mono<T> errorAnswer(ClientResponse response) {
		// read as bytes: a string decoder would log a body that echoes the key at TRACE level
		Charset charset = response.headers()
			.contentType()
			.map(MediaType::getCharset)
			.orElse(StandardCharsets.UTF_8);
		Flux<DataBuffer> start = DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
				MAX_ERROR_BODY_BYTES);
		return DataBufferUtils.join(start)
			.map((buffer) -> {
				try {
					return buffer.toString(charset);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.onErrorReturn("")
			.defaultIfEmpty("")
			.flatMap((body) -> Mono
				.error(this.errors.errorAnswer(response.statusCode(), response.headers().asHttpHeaders(), body)));
	}

	private <R, T> ResponseDecoder<T> objectDecoder(ObjectReader reader, Function<R, T> mapper, int maxInMemorySize) {
		return (response, request) -> DataBufferUtils
			.join(response.body(BodyExtractors.toDataBuffers()), maxInMemorySize)
			.map((buffer) -> {
				try (InputStream json = buffer.asInputStream(true)) {
					R body = reader.readValue(json);
					if (body == null) {
						throw new IllegalStateException("the body is null");
					}
					return mapper.apply(body);
				}
				catch (JacksonException | IllegalStateException | IOException ex) {
					throw this.errors.unreadable(request.get(), ex);
				}
			})
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new TuneTheModelException(request.get() + " answered " + response.statusCode().value()
							+ " with a body larger than the codecs' in-memory limit "
							+ "(spring.http.codecs.max-in-memory-size): " + ex.getMessage(), ex))
			.switchIfEmpty(Mono.error(() -> new TuneTheModelException(
					request.get() + " answered " + response.statusCode().value() + " with an empty body")));
	}

	private <R, T> ResponseDecoder<List<T>> listDecoder(ObjectReader entryReader, String field, Function<R, T> mapper,
			int maxInMemorySize) {
		return (response, request) -> Mono.defer(() -> {
			JsonListReader<R> list = new JsonListReader<>(entryReader, field, maxInMemorySize);
			return response.body(BodyExtractors.toDataBuffers()).doOnNext((buffer) -> {
				try {
					list.feed(buffer);
				}
				catch (JacksonException | IllegalStateException ex) {
					throw this.errors.unreadable(request.get(), ex);
				}
			}).then(Mono.fromCallable(() -> {
				try {
					List<R> entries = list.finish();
					List<T> mapped = new ArrayList<>(entries.size());
					for (R entry : entries) {
						mapped.add(mapper.apply(entry));
					}
					return mapped;
				}
				catch (JacksonException | IllegalStateException | IOException ex) {
					throw this.errors.unreadable(request.get(), ex);
				}
			})).doFinally((signal) -> list.discard());
		});
	}

	private static int maxInMemorySize(CodecConfigurer codecs) {
		Integer configured = (codecs.defaultCodecs() instanceof CodecConfigurer.DefaultCodecConfig config)
				? config.maxInMemorySize() : null;
		return (configured != null) ? configured : DEFAULT_MAX_IN_MEMORY_SIZE;
	}

	private Wire wire() {
		return this.wire.obtain();
	}

	@Override
	public String toString() {
		return "TuneTheModelTemplate[baseUrl=" + this.settings.baseUrl() + "]";
	}

	/**
	 * What the calls go through: the web clients, the JSON mapper and the decoders.
	 */
	private final class Wire {

		private final WebClient apiClient;

		private final WebClient uploadClient;

		private final JsonMapper jsonMapper;

		private final ObjectWriter writer;

		private final ResponseDecoder<Model> modelDecoder;

		private final ResponseDecoder<List<Model>> modelListDecoder;

		private final ResponseDecoder<DatasetFile> fileDecoder;

		private final ResponseDecoder<List<DatasetFile>> fileListDecoder;

		private final ResponseDecoder<Classification> classificationDecoder;

		private final ResponseDecoder<Generation> generationDecoder;

		Wire() {
			ClientSettings settings = TuneTheModelTemplate.this.settings;
			int[] maxInMemorySize = { DEFAULT_MAX_IN_MEMORY_SIZE };
			WebClient.Builder webClientBuilder = TuneTheModelTemplate.this.webClientBuilder.get();
			// the headers of every API call, set once; an upload gets no key
			this.apiClient = webClientBuilder.clone()
				.defaultHeaders((headers) -> {
					headers.set(HttpHeaders.AUTHORIZATION, settings.apiKey());
					headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
					headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				})
				.codecs((codecs) -> maxInMemorySize[0] = maxInMemorySize(codecs))
				.build();
			this.uploadClient = webClientBuilder.clone()
				.defaultHeaders((headers) -> headers.set(HttpHeaders.USER_AGENT, USER_AGENT))
				.build();
			this.jsonMapper = WireFormat.createJsonMapper();
			this.writer = this.jsonMapper.writer();
			int limit = maxInMemorySize[0];
			ObjectReader modelReader = this.jsonMapper.readerFor(ModelResponse.class);
			ObjectReader fileReader = this.jsonMapper.readerFor(FileResponse.class);
			this.modelDecoder = objectDecoder(modelReader, ModelResponse::toModel, limit);
			this.modelListDecoder = listDecoder(modelReader, "models", ModelResponse::toModel, limit);
			this.fileDecoder = objectDecoder(fileReader, FileResponse::toDatasetFile, limit);
			this.fileListDecoder = listDecoder(fileReader, "files", FileResponse::toDatasetFile, limit);
			this.classificationDecoder = objectDecoder(this.jsonMapper.readerFor(ClassifyResponse.class),
					ClassifyResponse::toClassification, limit);
			this.generationDecoder = objectDecoder(this.jsonMapper.readerFor(GenerateResponse.class),
					GenerateResponse::toGeneration, limit);
		}

	}

	/**
	 * Decodes a successful answer.
	 */
	@FunctionalInterface
	private interface ResponseDecoder<T> {

		Mono<T> decode(ClientResponse response, Supplier<String> request);

	}

	/**
	 * The attempts of one call.
	 */
	private static final class Attempts {

		private final long deadline;

		// written and read by one attempt at a time
		private volatile int count;

		Attempts(long deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * Builds a {@link TuneTheModelTemplate}.
	 */
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

		private Builder() {
		}

		/**
		 * Build the client's {@link WebClient} from a copy of the given builder, so that its
		 * connector, codecs, filters and observation apply; the builder itself is not
		 * changed. Defaults to {@link WebClient#builder()}.
		 * @param webClientBuilder the builder to copy
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			WebClient.Builder copy = webClientBuilder.clone();
			return webClientBuilder(() -> copy);
		}

		/**
		 * Build the client's {@link WebClient} from the builder the supplier gives, asked for
		 * on the first call, so that building the template costs nothing at startup: a Spring
		 * Boot application's builder comes with its HTTP connector.
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
		 * Allow a plain {@code http} base URL to a host other than loopback, over which the
		 * API key would cross the network in clear; for a connection protected otherwise, such
		 * as a sidecar proxy. Defaults to {@code false}.
		 * @param allowInsecureHttp whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * Set the API key, sent as the {@code Authorization} header. Required.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set the directory where {@link TuneTheModelTemplate#upload uploads} spool their
		 * dataset. Defaults to {@code java.io.tmpdir}.
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
		 * Set the longest time a call may take, its repeats included. Defaults to 60 seconds.
		 * @param timeout the timeout, more than zero
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how often {@link TuneTheModelTemplate#watch} reads a model's status. Defaults to
		 * 30 seconds; training takes 30 minutes to hours.
		 * @param pollInterval the interval, more than zero
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Set how often a training reads the status of its uploaded datasets until the API
		 * has processed them. Defaults to 1 second, as the official SDK.
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
		 * Build the template.
		 * @return the template
		 * @throws TuneTheModelConfigurationException if the API key is missing or malformed,
		 * or the base URL is not an absolute http(s) URL or is plain http to a remote host
		 * without {@link #allowInsecureHttp(boolean)}
		 */
		public TuneTheModelTemplate build() {
			String key = requireApiKey(this.apiKey);
			String base = requireBaseUrl(this.baseUrl, this.allowInsecureHttp);
			Path directory = (this.temporaryDirectory != null) ? this.temporaryDirectory
					: Path.of(System.getProperty("java.io.tmpdir"));
			ClientSettings settings = new ClientSettings(base, key, directory,
					ArgumentChecks.requireNonNull("retry settings", this.retrySettings),
					ArgumentChecks.requirePositive("timeout", this.timeout),
					ArgumentChecks.requirePositive("poll interval", this.pollInterval),
					ArgumentChecks.requirePositive("dataset poll interval", this.datasetPollInterval),
					ArgumentChecks.requirePositive("dataset processing timeout", this.datasetProcessingTimeout));
			return new TuneTheModelTemplate(this.webClientBuilder, settings);
		}

		private static String requireApiKey(@Nullable String apiKey) {
			if (apiKey == null || apiKey.isBlank()) {
				throw new TuneTheModelConfigurationException(Problem.MISSING_API_KEY, "The API key must not be empty");
			}
			for (int i = 0; i < apiKey.length(); i++) {
				char c = apiKey.charAt(i);
				if (Character.isWhitespace(c) || Character.isISOControl(c)) {
					// the key itself is never part of a message
					throw new TuneTheModelConfigurationException(Problem.MALFORMED_API_KEY,
							"The API key must not contain whitespace or control characters (found one at index " + i
									+ ")");
				}
			}
			return apiKey;
		}

		private static String requireBaseUrl(@Nullable String baseUrl, boolean allowInsecureHttp) {
			if (baseUrl == null || baseUrl.isBlank()) {
				throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL, "The base URL must not be empty");
			}
			URI uri;
			try {
				uri = new URI(baseUrl.trim());
			}
			catch (URISyntaxException ex) {
				throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL,
						"The base URL " + ArgumentChecks.quote(baseUrl) + " is not a valid URL");
			}
			String scheme = uri.getScheme();
			boolean http = "http".equalsIgnoreCase(scheme);
			if (!uri.isAbsolute() || uri.getHost() == null || !(http || "https".equalsIgnoreCase(scheme))) {
				throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL,
						"The base URL " + ArgumentChecks.quote(baseUrl) + " is not an absolute http or https URL");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				// not quoted: user information may hold a password
				throw new TuneTheModelConfigurationException(Problem.INVALID_BASE_URL,
						"The base URL must not have a query, a fragment or user information");
			}
			if (http && !allowInsecureHttp && !isLoopback(uri.getHost())) {
				throw new TuneTheModelConfigurationException(Problem.INSECURE_BASE_URL,
						"The base URL " + ArgumentChecks.quote(baseUrl) + " is plain http to " + uri.getHost()
								+ ", which is not a loopback address: the API key would cross the network in clear");
			}
			String text = uri.toString();
			return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		}

		// literal loopback addresses only: a name other than localhost is never resolved to decide
		private static boolean isLoopback(String host) {
			String lowerCase = host.toLowerCase(Locale.ROOT);
			if (lowerCase.equals("localhost") || IPV4_LOOPBACK.matcher(lowerCase).matches()) {
				return true;
			}
			if (lowerCase.startsWith("[") && lowerCase.endsWith("]")) {
				try {
					return InetAddress.getByName(lowerCase.substring(1, lowerCase.length() - 1)).isLoopbackAddress();
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return false;
		}
	}

}
