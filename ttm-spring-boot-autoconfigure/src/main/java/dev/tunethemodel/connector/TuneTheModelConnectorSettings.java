package dev.tunethemodel.connector;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;

/**
 * Settings of a {@link TuneTheModelConnector}: its timeouts, the trust material that
 * verifies the API's certificate, and its pool of connections. A value: the
 * {@code withXxx} methods return a copy with one setting changed, and settings with the
 * same values are equal. Each setting has the default of the {@code tunethemodel.*}
 * property named in its description.
 *
 * @param connectTimeout the longest time to establish a connection
 * ({@code tunethemodel.connect-timeout}), {@code null} for the HTTP client's default
 * @param readTimeout the longest silence while reading a response
 * ({@code tunethemodel.read-timeout}), {@code null} for none
 * @param sslBundle the SSL bundle whose trust material verifies the API's certificate
 * ({@code tunethemodel.ssl.bundle}), {@code null} for the JVM's default
 * @param maxConnections the most connections with Reactor Netty, and requests in flight
 * with any other HTTP client, at least 1 ({@code tunethemodel.pool.max-connections})
 * @param pendingAcquireTimeout the longest wait for a free connection
 * ({@code tunethemodel.pool.pending-acquire-timeout})
 * @param maxIdleTime the time after which an idle connection is closed, Reactor Netty
 * only ({@code tunethemodel.pool.max-idle-time})
 * @param maxLifeTime the time after which a connection is closed once idle, Reactor Netty
 * only ({@code tunethemodel.pool.max-life-time})
 * @param evictionInterval how often idle and expired connections are closed in the
 * background, zero for never, Reactor Netty only
 * ({@code tunethemodel.pool.eviction-interval})
 * @since 0.1.0
 */
public record TuneTheModelConnectorSettings(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@Nullable SslBundle sslBundle, int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime,
		Duration maxLifeTime, Duration evictionInterval) {

	private static final TuneTheModelConnectorSettings DEFAULTS = new TuneTheModelConnectorSettings(
			Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10), Duration.ofSeconds(20),
			Duration.ofMinutes(5), Duration.ofSeconds(10));

	/**
	 * Create settings.
	 * @param connectTimeout the longest time to establish a connection, {@code null} for
	 * the HTTP client's default
	 * @param readTimeout the longest silence while reading a response, {@code null} for
	 * none
	 * @param sslBundle the SSL bundle, {@code null} for the JVM's default trust material
	 * @param maxConnections the most connections, at least 1
	 * @param pendingAcquireTimeout the longest wait for a free connection
	 * @param maxIdleTime the time after which an idle connection is closed
	 * @param maxLifeTime the time after which a connection is closed once idle
	 * @param evictionInterval how often idle and expired connections are closed
	 * @throws IllegalArgumentException if a number of connections is below 1, or a time
	 * is negative or, for the pool, missing
	 */
	public TuneTheModelConnectorSettings {
		requireNotNegative("tunethemodel.connect-timeout", connectTimeout);
		requireNotNegative("tunethemodel.read-timeout", readTimeout);
		if (maxConnections < 1) {
			throw new IllegalArgumentException(
					"tunethemodel.pool.max-connections must be at least 1, not " + maxConnections);
		}
		requirePresentAndNotNegative("tunethemodel.pool.pending-acquire-timeout", pendingAcquireTimeout);
		requirePresentAndNotNegative("tunethemodel.pool.max-idle-time", maxIdleTime);
		requirePresentAndNotNegative("tunethemodel.pool.max-life-time", maxLifeTime);
		requirePresentAndNotNegative("tunethemodel.pool.eviction-interval", evictionInterval);
	}

	/**
	 * Return a copy with the given connect timeout.
	 * @param connectTimeout the longest time to establish a connection, {@code null} for
	 * the HTTP client's default
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withConnectTimeout(@Nullable Duration connectTimeout) {
		return new TuneTheModelConnectorSettings(connectTimeout, this.readTimeout, this.sslBundle, this.maxConnections,
				this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given read timeout.
	 * @param readTimeout the longest silence while reading a response, {@code null} for
	 * none
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withReadTimeout(@Nullable Duration readTimeout) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, readTimeout, this.sslBundle, this.maxConnections,
				this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given SSL bundle.
	 * @param sslBundle the SSL bundle whose trust material verifies the API's
	 * certificate, {@code null} for the JVM's default
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withSslBundle(@Nullable SslBundle sslBundle) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, sslBundle, this.maxConnections,
				this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given largest number of connections.
	 * @param maxConnections the most connections, at least 1
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withMaxConnections(int maxConnections) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, this.sslBundle, maxConnections,
				this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given longest wait for a free connection.
	 * @param pendingAcquireTimeout the longest wait
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withPendingAcquireTimeout(Duration pendingAcquireTimeout) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, this.sslBundle,
				this.maxConnections, pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given time after which an idle connection is closed.
	 * @param maxIdleTime the time
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withMaxIdleTime(Duration maxIdleTime) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, this.sslBundle,
				this.maxConnections, this.pendingAcquireTimeout, maxIdleTime, this.maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given time after which a connection is closed once idle.
	 * @param maxLifeTime the time
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withMaxLifeTime(Duration maxLifeTime) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, this.sslBundle,
				this.maxConnections, this.pendingAcquireTimeout, this.maxIdleTime, maxLifeTime, this.evictionInterval);
	}

	/**
	 * Return a copy with the given interval at which idle and expired connections are
	 * closed.
	 * @param evictionInterval the interval, zero for never
	 * @return the new settings
	 */
	public TuneTheModelConnectorSettings withEvictionInterval(Duration evictionInterval) {
		return new TuneTheModelConnectorSettings(this.connectTimeout, this.readTimeout, this.sslBundle,
				this.maxConnections, this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, evictionInterval);
	}

	/**
	 * Return the settings of Spring Boot's HTTP client builders: the timeouts and the SSL
	 * bundle, with no redirects followed.
	 * @return the HTTP client settings
	 */
	HttpClientSettings httpClientSettings() {
		// from defaults(): Spring Boot 4.1 deprecates the canonical constructor
		return HttpClientSettings.defaults()
			// no redirects: none from the API, and none may carry the key elsewhere
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withTimeouts(this.connectTimeout, this.readTimeout)
			.withSslBundle(this.sslBundle);
	}

	/**
	 * Return the defaults: those of the {@code tunethemodel.*} properties.
	 * @return the default settings
	 */
	public static TuneTheModelConnectorSettings defaults() {
		return DEFAULTS;
	}

	private static void requirePresentAndNotNegative(String property, @Nullable Duration duration) {
		if (duration == null) {
			throw new IllegalArgumentException(property + " must not be null");
		}
		requireNotNegative(property, duration);
	}

	private static void requireNotNegative(String property, @Nullable Duration duration) {
		if (duration != null && duration.isNegative()) {
			throw new IllegalArgumentException(property + " must not be negative, not " + duration.toMillis() + "ms");
		}
	}

}
