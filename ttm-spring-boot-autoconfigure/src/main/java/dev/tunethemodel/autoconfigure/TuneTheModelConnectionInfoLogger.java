package dev.tunethemodel.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import dev.tunethemodel.connector.TuneTheModelConnector;

/**
 * Logs, once at startup, where the client connects: the base URL and where it came from,
 * and the HTTP client with its number of connections; never the key.
 */
final class TuneTheModelConnectionInfoLogger {

	private static final Log logger = LogFactory.getLog(TuneTheModelConnectionInfoLogger.class);

	private static final ConfigurationPropertyName BASE_URL = ConfigurationPropertyName.of("tunethemodel.base-url");

	private final Environment environment;

	TuneTheModelConnectionInfoLogger(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Log where the client connects.
	 * @param connectionDetails the client's connection details
	 * @param connector the client's connector, {@code null} when the application's
	 * {@code WebClient.Builder} brings its own
	 * @param maxConnections the most connections the connector opens
	 */
	void logConnection(TuneTheModelConnectionDetails connectionDetails, @Nullable TuneTheModelConnector connector,
			int maxConnections) {
		if (logger.isInfoEnabled()) {
			logger.info(message(connectionDetails, connector, maxConnections));
		}
	}

	String message(TuneTheModelConnectionDetails connectionDetails, @Nullable TuneTheModelConnector connector,
			int maxConnections) {
		return "Tune the Model client connects to " + connectionDetails.getBaseUrl() + " (" + source(connectionDetails)
				+ ") over " + transport(connector, maxConnections);
	}

	/**
	 * Log where a named client connects.
	 * @param name the client's name
	 * @param baseUrl its base URL
	 * @param connector its connector, {@code null} when the application's
	 * {@code WebClient.Builder} brings its own
	 * @param maxConnections the most connections the connector opens
	 */
	void logConnection(String name, String baseUrl, @Nullable TuneTheModelConnector connector, int maxConnections) {
		if (logger.isInfoEnabled()) {
			logger.info(message(name, baseUrl, connector, maxConnections));
		}
	}

	String message(String name, String baseUrl, @Nullable TuneTheModelConnector connector, int maxConnections) {
		ConfigurationProperty own = property(
				ConfigurationPropertyName.adapt(TuneTheModelClients.PREFIX + "." + name + ".base-url", '.'));
		String origin = (own != null) ? TuneTheModelPropertiesCheck.origin(own) : null;
		String source = (own != null) ? "from " + own.getName() + ((origin != null) ? " in " + origin : "")
				: "as the top-level client";
		return "Tune the Model client " + name + " connects to " + baseUrl + " (" + source + ") over "
				+ transport(connector, maxConnections);
	}

	private static String transport(@Nullable TuneTheModelConnector connector, int maxConnections) {
		return (connector != null) ? connector.getTransportName() + " with up to " + maxConnections + " connections"
				: "the connector of the application's WebClient.Builder";
	}

	private String source(TuneTheModelConnectionDetails connectionDetails) {
		if (!(connectionDetails instanceof PropertiesTuneTheModelConnectionDetails)) {
			Origin origin = (connectionDetails instanceof OriginProvider provider) ? provider.getOrigin() : null;
			return (origin != null) ? origin.toString() : "from " + connectionDetails.getClass().getName();
		}
		ConfigurationProperty baseUrl = property(BASE_URL);
		if (baseUrl == null) {
			return "the default";
		}
		if (isSdkFallback(baseUrl)) {
			return "from " + TuneTheModelEnvironmentPostProcessor.API_URL_VARIABLE;
		}
		String origin = TuneTheModelPropertiesCheck.origin(baseUrl);
		String source = "from tunethemodel.base-url" + ((origin != null) ? " in " + origin : "");
		// an explicit base URL wins over the variable, which a user may expect the other
		// way
		return this.environment.containsProperty(TuneTheModelEnvironmentPostProcessor.API_URL_VARIABLE)
				? source + ", which wins over " + TuneTheModelEnvironmentPostProcessor.API_URL_VARIABLE : source;
	}

	private @Nullable ConfigurationProperty property(ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

	private static boolean isSdkFallback(ConfigurationProperty property) {
		ConfigurationPropertySource source = property.getSource();
		return source != null && source.getUnderlyingSource() instanceof PropertySource<?> propertySource
				&& TuneTheModelEnvironmentPostProcessor.PROPERTY_SOURCE_NAME.equals(propertySource.getName());
	}

}
