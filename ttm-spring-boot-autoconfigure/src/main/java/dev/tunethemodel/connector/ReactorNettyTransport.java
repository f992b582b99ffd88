package dev.tunethemodel.connector;

import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty, on the application's event loop, with a connection pool of its own and
 * the JVM's proxy settings, built by the application's
 * {@link ReactorClientHttpConnectorBuilder} so that its customizers apply. Loaded only
 * when Reactor Netty is on the class path.
 */
final class ReactorNettyTransport implements ClientTransport {

	private final ConnectionProvider provider;

	private final ClientHttpConnector connector;

	private ReactorNettyTransport(TuneTheModelConnectorSettings settings, ReactorClientHttpConnectorBuilder builder) {
		this.provider = ConnectionProvider.builder("tunethemodel")
			.maxConnections(settings.maxConnections())
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			// callers wait for a connection up to the timeout, however many they are
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(settings.maxIdleTime())
			.maxLifeTime(settings.maxLifeTime())
			.evictInBackground(settings.evictionInterval())
			.build();
		try {
			// the factory only: the builder's customizers, such as its event loop, still
			// apply
			this.connector = builder.withHttpClientFactory(() -> HttpClient.create(this.provider))
				// https.proxyHost and the like, as the JDK client reads them by default
				.withHttpClientCustomizer(HttpClient::proxyWithSystemProperties)
				.build(settings.httpClientSettings());
		}
		catch (RuntimeException ex) {
			this.provider.dispose();
			throw ex;
		}
	}

	/**
	 * Create the transport with the given builder, whose HTTP client gets the transport's
	 * pool.
	 * @param settings the timeouts, the SSL bundle and the pool's settings
	 * @param builder the application's builder, or Spring Boot's default one
	 * @return the transport
	 */
	static ReactorNettyTransport create(TuneTheModelConnectorSettings settings,
			ReactorClientHttpConnectorBuilder builder) {
		return new ReactorNettyTransport(settings, builder);
	}

	@Override
	public ClientHttpConnector connector() {
		return this.connector;
	}

	/**
	 * Return the connection pool.
	 * @return the pool
	 */
	ConnectionProvider provider() {
		return this.provider;
	}

	@Override
	public void close() {
		this.provider.dispose();
	}

}
