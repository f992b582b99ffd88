package dev.tunethemodel.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A local, in-memory Tune the Model API, for applications and tests that must not call
 * the real, paid service: every v0 endpoint, pre-signed upload URLs, dataset files and
 * models that walk the real statuses, and real, tiny models (a naive Bayes classifier, a
 * nearest-example generator). Faults can be injected into its next responses.
 * <p>
 * Start one in code with {@link #start()} or {@link #builder()}, in a Spring test with
 * {@link AutoConfigureTuneTheModelEmulator}, or from the command line with
 * {@code java -jar ttm-emulator-<version>-exec.jar --port 8089 --api-key my-key}
 * ({@code --help} lists the options).
 * <p>
 * It refuses a bad request with a 4xx status and a plain-text reason, within the bounds
 * of {@link EmulatorLimits}.
 *
 * @since 0.1.0
 */
public final class TuneTheModelEmulator implements AutoCloseable {

	/**
	 * How long a model trains by default.
	 */
	public static final Duration DEFAULT_TRAINING_TIME = Duration.ofSeconds(3);

	/**
	 * How long a dataset is processed by default.
	 */
	public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofMillis(300);

	private final DisposableServer server;

	private final String baseUrl;

	private final String apiKey;

	private final EmulatorApi api;

	private final Faults faults;

	private final RequestJournal journal;

	private TuneTheModelEmulator(DisposableServer server, String baseUrl, String apiKey, EmulatorApi api, Faults faults,
			RequestJournal journal) {
		this.server = server;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.api = api;
		this.faults = faults;
		this.journal = journal;
	}

	/**
	 * Start an emulator on a free loopback port, with a random API key and the default
	 * training and processing times.
	 * @return the running emulator, to be {@link #close() closed}
	 */
	public static TuneTheModelEmulator start() {
		return builder().start();
	}

	/**
	 * Return a builder of an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the base URL to give the client, such as {@code http://127.0.0.1:34567}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the API key the emulator accepts.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Return the port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Make the next responses faulty; faults apply in the order they are injected.
	 * @param fault the fault
	 */
	public void inject(Fault fault) {
		this.faults.add(fault);
	}

	/**
	 * Drop the faults not applied yet.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Forget every model, dataset file, fault and request, as on a fresh start; the base
	 * URL and the API key stay. {@link AutoConfigureTuneTheModelEmulator} can reset after
	 * each test.
	 */
	public void reset() {
		this.faults.clear();
		this.api.reset();
		this.journal.clear();
	}

	/**
	 * Return the latest requests of the API, oldest first: at most 1,000, and at most 8
	 * MiB of their paths and bodies (see {@link EmulatorLimits#MAX_RECORDED_BYTES}). A
	 * request answered by an injected {@link Fault} is listed as any other, with its
	 * body; a request refused for its key is listed without its body, which is never
	 * read; uploads and the fault switch are not listed.
	 * @return the requests, cleared by {@link #reset()}
	 */
	public List<EmulatorRequest> requests() {
		return this.journal.all();
	}

	/**
	 * Stop the emulator.
	 */
	@Override
	public void close() {
		this.server.disposeNow();
	}

	@Override
	public String toString() {
		return "TuneTheModelEmulator[" + this.baseUrl + "]";
	}

	/**
	 * Start an emulator from the command line and serve until stopped; {@code --help}
	 * lists the options. Exits with 2 on a usage error and 1 when the emulator cannot
	 * start.
	 * @param args the options, as {@code --name value} or {@code --name=value}
	 */
	public static void main(String[] args) {
		int status = EmulatorCommandLine.run(args, System.out, System.err, EmulatorCommandLine::serveUntilStopped);
		if (status != EmulatorCommandLine.OK) {
			System.exit(status);
		}
	}

	/**
	 * Say why the emulator could not listen, and, for a port in use, how to get a free
	 * one.
	 * @param ex the failure to bind
	 * @param freePort how to ask for a free port, such as {@code --port 0}
	 * @return the reason, starting in lower case
	 */
	static String bindFailure(ChannelBindException ex, String freePort) {
		String where = "port " + ex.localPort() + " of " + ex.localHost();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String reason = Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
		// as both the JDK's and Netty's native transports say it
		if (reason.contains("already in use")) {
			return where + " is in use: stop what uses it, or choose another port, or " + freePort + " for a free one";
		}
		return "cannot listen on " + where + ": " + reason;
	}

	/**
	 * Builds a {@link TuneTheModelEmulator}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private String apiKey = randomKey();

		private Duration trainingTime = DEFAULT_TRAINING_TIME;

		private Duration processingTime = DEFAULT_PROCESSING_TIME;

		private Clock clock = Clock.systemUTC();

		private long maxUploadSize = EmulatorLimits.DEFAULT_MAX_UPLOAD_SIZE;

		private Duration requestHeadTimeout = EmulatorLimits.REQUEST_HEAD_TIMEOUT;

		private Builder() {
		}

		/**
		 * Set the address to listen on. Defaults to the loopback address.
		 * @param host the address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Set the port to listen on. Defaults to a free port.
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Set the API key to accept. Defaults to a random key.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			if (apiKey.isBlank()) {
				throw new IllegalArgumentException("The API key must not be empty");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set how long a model takes from fit to ready. Defaults to 3 seconds.
		 * @param trainingTime the training time
		 * @return this builder
		 */
		public Builder trainingTime(Duration trainingTime) {
			this.trainingTime = requireNotNegative("training time", trainingTime);
			return this;
		}

		/**
		 * Set how long an uploaded dataset takes to be processed. Defaults to 300
		 * milliseconds.
		 * @param processingTime the processing time
		 * @return this builder
		 */
		public Builder processingTime(Duration processingTime) {
			this.processingTime = requireNotNegative("processing time", processingTime);
			return this;
		}

		/**
		 * Set the maximum number of bytes an upload may have; a larger one is refused
		 * with 413 before its body is read. Defaults to 1 GiB.
		 * @param bytes the maximum number of bytes, at least 0
		 * @return this builder
		 */
		public Builder maxUploadSize(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("The maximum upload size must be zero or more, but is " + bytes);
			}
			this.maxUploadSize = bytes;
			return this;
		}

		Builder requestHeadTimeout(Duration requestHeadTimeout) {
			this.requestHeadTimeout = requestHeadTimeout;
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Start the emulator.
		 * @return the running emulator, to be {@link TuneTheModelEmulator#close() closed}
		 * @throws IllegalStateException when it cannot listen on the address and port,
		 * such as on a port in use
		 */
		public TuneTheModelEmulator start() {
			Faults faults = new Faults();
			BaseUrl baseUrl = new BaseUrl();
			EmulatorApi api = new EmulatorApi(this.clock, this.trainingTime, this.processingTime, baseUrl::get);
			RequestJournal journal = new RequestJournal();
			EmulatorRoutes routes = new EmulatorRoutes(api, faults, journal, this.apiKey, this.maxUploadSize);
			DisposableServer server = bind(HttpServer.create()
				.host(this.host)
				.port(this.port)
				.httpRequestDecoder((decoder) -> decoder.maxInitialLineLength(EmulatorLimits.MAX_REQUEST_LINE_LENGTH)
					.maxHeaderSize(EmulatorLimits.MAX_HEADER_SIZE))
				// until the head is decoded: a head sent byte by byte is cut off too
				.idleTimeout(this.requestHeadTimeout)
				.doOnChannelInit((observer, channel, address) -> channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "ttm.pipelinedRequestsLimit", new PipelinedRequestsLimit()))
				.handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes.routes()))));
			baseUrl
				.set("http://" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + server.port());
			return new TuneTheModelEmulator(server, baseUrl.get(), this.apiKey, api, faults, journal);
		}

		private static DisposableServer bind(HttpServer server) {
			try {
				return server.bindNow();
			}
			catch (ChannelBindException ex) {
				throw new IllegalStateException(StringUtils.capitalize(bindFailure(ex, "port(0)")), ex);
			}
		}

		private static String randomKey() {
			byte[] bytes = new byte[12];
			new SecureRandom().nextBytes(bytes);
			return "emulator-" + HexFormat.of().formatHex(bytes);
		}

		private static Duration requireNotNegative(String what, Duration duration) {
			if (duration.isNegative()) {
				throw new IllegalArgumentException("The " + what + " must be zero or more, but is " + duration);
			}
			return duration;
		}

	}

	// known once the server is bound to its port
	private static final class BaseUrl {

		private volatile String value = "";

		String get() {
			return this.value;
		}

		void set(String value) {
			this.value = value;
		}

	}

}
