package dev.tunethemodel.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.thread.Threading;

import dev.tunethemodel.connector.TuneTheModelConnector;
import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

/**
 * Creates the connectors of the clients, the top-level one and the named ones, from their
 * properties: on the HTTP client of the application's {@link ClientHttpConnectorBuilder}
 * when it has one, else on the one the class path offers, the JDK's on the application's
 * threads.
 */
final class TuneTheModelConnectorFactory {

	private final TuneTheModelConnectorSettingsPropertyMapper mapper;

	private final @Nullable ClientHttpConnectorBuilder<?> connectorBuilder;

	private final @Nullable ClassLoader classLoader;

	private final Threading threading;

	/**
	 * Create a factory.
	 * @param mapper maps a client's properties to its connector's settings
	 * @param connectorBuilder the application's builder, {@code null} if it has none
	 * @param classLoader the application's class loader
	 * @param threading the threads the application runs on
	 */
	TuneTheModelConnectorFactory(TuneTheModelConnectorSettingsPropertyMapper mapper,
			@Nullable ClientHttpConnectorBuilder<?> connectorBuilder, @Nullable ClassLoader classLoader,
			Threading threading) {
		this.mapper = mapper;
		this.connectorBuilder = connectorBuilder;
		this.classLoader = classLoader;
		this.threading = threading;
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
		return (this.connectorBuilder != null)
				? new TuneTheModelConnector(settings, this.connectorBuilder, this.threading)
				: new TuneTheModelConnector(settings, this.classLoader, this.threading);
	}

}
