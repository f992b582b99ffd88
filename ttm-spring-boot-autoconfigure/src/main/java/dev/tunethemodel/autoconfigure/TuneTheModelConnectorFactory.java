package dev.tunethemodel.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundles;

import dev.tunethemodel.connector.TuneTheModelConnector;
import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

/**
 * Creates the connectors of the clients, the top-level one and the named ones, from their
 * properties.
 */
final class TuneTheModelConnectorFactory {

	private final TuneTheModelConnectorSettingsPropertyMapper mapper;

	private final @Nullable ClassLoader classLoader;

	/**
	 * Create a factory.
	 * @param sslBundles the application's SSL bundles, or {@code null} if it has none
	 * @param classLoader the application's class loader
	 */
	TuneTheModelConnectorFactory(@Nullable SslBundles sslBundles, @Nullable ClassLoader classLoader) {
		this.mapper = new TuneTheModelConnectorSettingsPropertyMapper(sslBundles);
		this.classLoader = classLoader;
	}

	/**
	 * Return the connector settings of a client.
	 * @param properties the client's properties
	 * @param prefix the prefix of the client's properties, such as {@code tunethemodel}
	 * @return the settings
	 */
	TuneTheModelConnectorSettings settings(TuneTheModelClientProperties properties, String prefix) {
		return this.mapper.map(properties, prefix);
	}

	/**
	 * Create a connector.
	 * @param settings its settings
	 * @return the connector, which its owner destroys
	 */
	TuneTheModelConnector connector(TuneTheModelConnectorSettings settings) {
		return new TuneTheModelConnector(settings, this.classLoader);
	}

}
