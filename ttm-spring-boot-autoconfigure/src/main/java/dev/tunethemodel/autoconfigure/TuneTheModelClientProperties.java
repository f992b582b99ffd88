package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Configuration properties of one Tune the Model client: those of the top-level client,
 * {@code tunethemodel.*}, and of each named one, {@code tunethemodel.clients.<name>.*},
 * which inherits what it leaves unset from the top-level client.
 *
 * @since 0.1.0
 */
public class TuneTheModelClientProperties {

	/**
	 * API key of the Tune the Model account, sent in the Authorization header. Falls back
	 * to the TTM_API_KEY environment variable.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the Tune the Model API. Falls back to the TTM_API_URL environment
	 * variable.
	 */
	private String baseUrl = "https://api.tunethemodel.com";

	/**
	 * Whether to allow a plain http base URL to a host other than loopback, over which
	 * the API key crosses the network in clear. Only for a connection protected
	 * otherwise, such as a sidecar proxy.
	 */
	private boolean allowInsecureHttp;

	/**
	 * Longest time to establish a connection to the API. Defaults to
	 * spring.http.clients.connect-timeout, else 10s.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * Longest silence while reading a response. Defaults to
	 * spring.http.clients.read-timeout, else 30s.
	 */
	private @Nullable Duration readTimeout;

	/**
	 * Longest time a call may take, its retries included.
	 */
	private Duration timeout = Duration.ofSeconds(60);

	/**
	 * Longest wait between two reads of a model's status while waiting for a training;
	 * reads start 1 s apart and back off to it.
	 */
	private Duration pollInterval = Duration.ofSeconds(30);

	/**
	 * Longest wait between two reads of a dataset's status while a training waits for the
	 * API to process it; reads start 1 s apart and back off to it.
	 */
	private Duration datasetPollInterval = Duration.ofSeconds(1);

	/**
	 * Longest time a training waits for the API to process its uploaded datasets.
	 */
	private Duration datasetProcessingTimeout = Duration.ofMinutes(10);

	/**
	 * Maximum number of entries a list response, such as the account's models, may have;
	 * a longer list fails its call, so that a faulty server cannot keep it going.
	 */
	private int maxListEntries = 100_000;

	private final Retry retry = new Retry();

	private final Pool pool = new Pool();

	private final Bulk bulk = new Bulk();

	private final Ssl ssl = new Ssl();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getDatasetPollInterval() {
		return this.datasetPollInterval;
	}

	public void setDatasetPollInterval(Duration datasetPollInterval) {
		this.datasetPollInterval = datasetPollInterval;
	}

	public Duration getDatasetProcessingTimeout() {
		return this.datasetProcessingTimeout;
	}

	public void setDatasetProcessingTimeout(Duration datasetProcessingTimeout) {
		this.datasetProcessingTimeout = datasetProcessingTimeout;
	}

	public int getMaxListEntries() {
		return this.maxListEntries;
	}

	public void setMaxListEntries(int maxListEntries) {
		this.maxListEntries = maxListEntries;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Bulk getBulk() {
		return this.bulk;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[apiKey=" + ((this.apiKey != null) ? "******" : null) + ", baseUrl="
				+ this.baseUrl + ", allowInsecureHttp=" + this.allowInsecureHttp + ", connectTimeout="
				+ this.connectTimeout + ", readTimeout=" + this.readTimeout + ", timeout=" + this.timeout
				+ ", pollInterval=" + this.pollInterval + "]";
	}

	public static class Retry {

		/**
		 * How many times a failed request may be retried; 0 never retries.
		 */
		private int maxRetries = 3;

		/**
		 * Wait before the first retry, doubled for each next one, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest Retry-After the client waits for; a longer one fails the call at once.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	public static class Bulk {

		/**
		 * Maximum number of calls a bulk call, such as classifyAll or evaluate, makes at
		 * once; it starts lower and adapts to what the API takes, and never exceeds
		 * pool.max-connections.
		 */
		private int maxConcurrency = 32;

		/**
		 * Maximum number of inputs of a bulk call started and not yet passed on, whose
		 * results wait in input order behind an input that waits out a Retry-After; past
		 * it, no input starts until the earliest is passed on.
		 */
		private int maxBufferedResults = 16384;

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		public int getMaxBufferedResults() {
			return this.maxBufferedResults;
		}

		public void setMaxBufferedResults(int maxBufferedResults) {
			this.maxBufferedResults = maxBufferedResults;
		}

	}

	public static class Pool {

		/**
		 * Maximum number of connections the client keeps open to the API with Reactor
		 * Netty, and of requests in flight at once with the JDK HttpClient.
		 */
		private int maxConnections = 50;

		/**
		 * Longest wait for a free connection when all are in use.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(10);

		/**
		 * Time after which an idle connection is closed, shorter than the idle timeout of
		 * load balancers so that they never drop a connection the client is about to use.
		 * Reactor Netty only.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(20);

		/**
		 * Time after which a connection is closed once idle, so that connections spread
		 * again over the API's servers. Reactor Netty only.
		 */
		private Duration maxLifeTime = Duration.ofMinutes(5);

		/**
		 * Interval at which idle and expired connections are closed in the background.
		 * Reactor Netty only.
		 */
		private Duration evictionInterval = Duration.ofSeconds(10);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

		public Duration getEvictionInterval() {
			return this.evictionInterval;
		}

		public void setEvictionInterval(Duration evictionInterval) {
			this.evictionInterval = evictionInterval;
		}

	}

	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material the client
		 * uses to verify the API's certificate. Defaults to
		 * spring.http.clients.ssl.bundle.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
