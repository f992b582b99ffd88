package dev.tunethemodel.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.connector.TuneTheModelConnector;
import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

/**
 * The named clients of {@code tunethemodel.clients.<name>.*}, each a
 * {@link TuneTheModelOperations} and a {@link BlockingTuneTheModelOperations} bean
 * injectable with {@code @Qualifier("<name>")}, and found here by name, as a multi-tenant
 * application may need. What a client leaves unset is the top-level client's: its
 * properties, and its base URL and key as its {@link TuneTheModelConnectionDetails} give
 * them. Clients whose connections are set alike (base URL, timeouts, SSL bundle, pool)
 * share one connector, and so one connection pool, the top-level client's included.
 *
 * @since 0.1.0
 */
public final class TuneTheModelClients implements DisposableBean {

	/** The name of the top-level client, which no named client may take. */
	public static final String DEFAULT_CLIENT = "default";

	static final String PREFIX = "tunethemodel.clients";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final Map<String, NamedClient> clients = new LinkedHashMap<>();

	private final List<TuneTheModelConnector> ownConnectors = new ArrayList<>();

	TuneTheModelClients(Environment environment, TuneTheModelProperties properties,
			TuneTheModelConnectionDetails connectionDetails, TuneTheModelTemplateFactory templates,
			ObjectProvider<TuneTheModelConnectorFactory> connectorFactory,
			ObjectProvider<TuneTheModelConnector> connector) {
		Binder binder = Binder.get(environment);
		TuneTheModelConnectionInfoLogger logger = new TuneTheModelConnectionInfoLogger(environment);
		TuneTheModelConnectorFactory connectors = connectorFactory.getIfAvailable();
		Connectors shared = new Connectors(connectors, connector.getIfAvailable(), connectionDetails.getBaseUrl(),
				properties);
		for (String name : names(environment)) {
			String prefix = PREFIX + "." + name;
			requireValidName(name, prefix);
			// adapted: a name keeps its case, as in @Qualifier("tenantA")
			ConfigurationPropertyName client = ConfigurationPropertyName.adapt(prefix, '.');
			TuneTheModelClientProperties resolved = resolve(binder, client);
			String baseUrl = binder.bind(client.append("base-url"), Bindable.of(String.class))
				.orElse(connectionDetails.getBaseUrl());
			String apiKey = binder.bind(client.append("api-key"), Bindable.of(String.class))
				.orElseGet(connectionDetails::getApiKey);
			try {
				TuneTheModelConnector clientConnector = shared.connector(resolved, baseUrl, prefix);
				TuneTheModelTemplate template = templates.build(resolved, baseUrl, apiKey, clientConnector);
				this.clients.put(name, new NamedClient(template, baseUrl, apiKey, clientConnector));
				logger.logConnection(name, baseUrl, clientConnector, resolved.getPool().getMaxConnections());
			}
			catch (TuneTheModelConfigurationException ex) {
				throw new TuneTheModelPropertiesException(
						"The Tune the Model client " + name + " cannot be configured: " + ex.getMessage() + ".",
						TuneTheModelConfigurationFailureAnalyzer.action(ex.problem(), prefix), ex);
			}
			catch (IllegalArgumentException ex) {
				throw new TuneTheModelPropertiesException(
						"The Tune the Model client " + name + " cannot be configured: " + ex.getMessage() + ".",
						"Check the properties under " + prefix + " and under tunethemodel, which it inherits.", ex);
			}
		}
	}

	/**
	 * Return the names of the clients that {@code tunethemodel.clients} sets, in their
	 * order.
	 * @param environment the environment
	 * @return the names
	 */
	static Set<String> names(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX, Bindable.mapOf(String.class, Object.class))
			.map(Map::keySet)
			.map(Collections::unmodifiableSet)
			.orElse(Set.of());
	}

	private static void requireValidName(String name, String prefix) {
		if (!NAME.matcher(name).matches() || DEFAULT_CLIENT.equals(name)) {
			throw new TuneTheModelPropertiesException(
					"The name of the Tune the Model client " + prefix + " is not valid: a name is made of letters, "
							+ "digits, - and _, and is not " + DEFAULT_CLIENT + ", the top-level client's.",
					"Rename the client under " + PREFIX + ".");
		}
	}

	// the top-level client's properties, overridden by what the client sets
	private static TuneTheModelClientProperties resolve(Binder binder, ConfigurationPropertyName client) {
		TuneTheModelClientProperties resolved = new TuneTheModelClientProperties();
		binder.bind("tunethemodel", Bindable.ofInstance(resolved));
		binder.bind(client, Bindable.ofInstance(resolved));
		return resolved;
	}

	/**
	 * Return the names of the named clients.
	 * @return the names, in the order they are set
	 */
	public Set<String> getNames() {
		return Collections.unmodifiableSet(this.clients.keySet());
	}

	/**
	 * Return the operations of a named client.
	 * @param name the client's name
	 * @return the operations
	 * @throws IllegalArgumentException if no client has that name
	 */
	public TuneTheModelOperations getOperations(String name) {
		return client(name).template();
	}

	/**
	 * Return the base URL of a named client.
	 * @param name the client's name
	 * @return the base URL
	 * @throws IllegalArgumentException if no client has that name
	 */
	public String getBaseUrl(String name) {
		return client(name).baseUrl();
	}

	/**
	 * Return the keys of the named clients, for the masking of secrets.
	 * @return the keys
	 */
	Stream<String> apiKeys() {
		return this.clients.values().stream().map(NamedClient::apiKey);
	}

	/**
	 * Return the connector of a named client.
	 * @param name the client's name
	 * @return the connector, {@code null} when the client keeps that of the application's
	 * {@code WebClient.Builder}
	 */
	@Nullable TuneTheModelConnector connector(String name) {
		return client(name).connector();
	}

	/**
	 * Return the template of a named client, the factory method of its bean.
	 * @param name the client's name
	 * @return the template
	 */
	TuneTheModelTemplate template(String name) {
		return client(name).template();
	}

	private NamedClient client(String name) {
		NamedClient client = this.clients.get(name);
		if (client == null) {
			throw new IllegalArgumentException(
					"No Tune the Model client is named " + name + " (named clients: " + this.clients.keySet() + ")");
		}
		return client;
	}

	@Override
	public void destroy() {
		this.ownConnectors.forEach(TuneTheModelConnector::destroy);
	}

	@Override
	public String toString() {
		return "TuneTheModelClients" + this.clients.keySet();
	}

	/**
	 * A named client.
	 *
	 * @param template its template
	 * @param baseUrl its base URL
	 * @param apiKey its key
	 * @param connector its connector, {@code null} for that of the application's
	 * {@code WebClient.Builder}
	 */
	private record NamedClient(TuneTheModelTemplate template, String baseUrl, String apiKey,
			@Nullable TuneTheModelConnector connector) {

		// not the record's default: the key must never be printed
		@Override
		public String toString() {
			return "NamedClient[baseUrl=" + this.baseUrl + "]";
		}

	}

	/**
	 * The connectors of the clients: one per base URL and connector settings, the
	 * top-level client's reused when they are its own.
	 */
	private final class Connectors {

		private final @Nullable TuneTheModelConnectorFactory factory;

		private final Map<ConnectorKey, @Nullable TuneTheModelConnector> connectors = new LinkedHashMap<>();

		Connectors(@Nullable TuneTheModelConnectorFactory factory, @Nullable TuneTheModelConnector defaultConnector,
				String defaultBaseUrl, TuneTheModelProperties defaultProperties) {
			this.factory = factory;
			if (factory != null) {
				this.connectors.put(
						new ConnectorKey(defaultBaseUrl, factory.settings(defaultProperties, "tunethemodel")),
						defaultConnector);
			}
		}

		@Nullable TuneTheModelConnector connector(TuneTheModelClientProperties properties, String baseUrl, String prefix) {
			TuneTheModelConnectorFactory factory = this.factory;
			if (factory == null) {
				return null;
			}
			ConnectorKey key = new ConnectorKey(baseUrl, factory.settings(properties, prefix));
			return this.connectors.computeIfAbsent(key, (created) -> {
				TuneTheModelConnector connector = factory.connector(created.settings());
				TuneTheModelClients.this.ownConnectors.add(connector);
				return connector;
			});
		}

	}

	/**
	 * What tells two connections apart.
	 *
	 * @param baseUrl the base URL
	 * @param settings the connector settings
	 */
	private record ConnectorKey(String baseUrl, TuneTheModelConnectorSettings settings) {

		// a trailing slash or a path does not make another server
		ConnectorKey {
			try {
				URI uri = new URI(baseUrl.trim());
				baseUrl = (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
			}
			catch (URISyntaxException ex) {
				// the template refuses it, with the property to fix
			}
		}

	}

}
