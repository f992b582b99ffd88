package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

/**
 * Maps the {@link TuneTheModelClientProperties} of a client, and the SSL bundle they
 * name, to the {@link TuneTheModelConnectorSettings} of the client's connector. A timeout
 * or SSL bundle the properties leave unset is the application's
 * {@link HttpClientSettings} one ({@code spring.http.clients.*}), else the connector's
 * default. Redirects are never followed, whatever the application's settings say.
 */
final class TuneTheModelConnectorSettingsPropertyMapper {

	private final @Nullable SslBundles sslBundles;

	private final HttpClientSettings applicationSettings;

	/**
	 * Create a mapper.
	 * @param sslBundles the application's SSL bundles, or {@code null} if it has none
	 * @param applicationSettings the settings of the application's HTTP clients, or
	 * {@code null} if it has none
	 */
	TuneTheModelConnectorSettingsPropertyMapper(@Nullable SslBundles sslBundles,
			@Nullable HttpClientSettings applicationSettings) {
		this.sslBundles = sslBundles;
		this.applicationSettings = (applicationSettings != null) ? applicationSettings : HttpClientSettings.defaults();
	}

	/**
	 * Return the connector settings of the given properties.
	 * @param properties the client's properties
	 * @param prefix the prefix of the client's properties, such as {@code tunethemodel}
	 * @return the settings
	 * @throws InvalidConfigurationPropertyValueException if the client's
	 * {@code ssl.bundle} names no SSL bundle of the application
	 * @throws IllegalArgumentException if a property has a value the connector cannot
	 * take
	 */
	TuneTheModelConnectorSettings map(TuneTheModelClientProperties properties, String prefix) {
		TuneTheModelConnectorSettings defaults = TuneTheModelConnectorSettings.defaults();
		TuneTheModelClientProperties.Pool pool = properties.getPool();
		return new TuneTheModelConnectorSettings(
				firstSet(properties.getConnectTimeout(), this.applicationSettings.connectTimeout(),
						defaults.connectTimeout()),
				firstSet(properties.getReadTimeout(), this.applicationSettings.readTimeout(), defaults.readTimeout()),
				sslBundle(prefix + ".ssl.bundle", properties.getSsl().getBundle()), pool.getMaxConnections(),
				pool.getPendingAcquireTimeout(), pool.getMaxIdleTime(), pool.getMaxLifeTime(),
				pool.getEvictionInterval());
	}

	private static @Nullable Duration firstSet(@Nullable Duration property, @Nullable Duration application,
			@Nullable Duration fallback) {
		if (property != null) {
			return property;
		}
		return (application != null) ? application : fallback;
	}

	private @Nullable SslBundle sslBundle(String property, @Nullable String name) {
		if (!StringUtils.hasText(name)) {
			return this.applicationSettings.sslBundle();
		}
		if (this.sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"The application has no SSL bundles: configure one under spring.ssl.bundle.");
		}
		try {
			SslBundle bundle = this.sslBundles.getBundle(name);
			// read the stores now: a broken one fails at startup, not on a call
			bundle.getStores().getKeyStore();
			bundle.getStores().getTrustStore();
			return bundle;
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"No SSL bundle of that name is configured under spring.ssl.bundle (configured: "
							+ this.sslBundles.getBundleNames() + ").");
		}
	}

}
