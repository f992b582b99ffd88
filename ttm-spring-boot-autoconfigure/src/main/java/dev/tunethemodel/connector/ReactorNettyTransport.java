package dev.tunethemodel.connector;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty, on the application's event loop, with a connection pool of its own and
 * the JVM's proxy settings. Loaded only when Reactor Netty is on the class path.
 */
final class ReactorNettyTransport implements ClientTransport {

	private final ConnectionProvider provider;

	private final ClientHttpConnector connector;

	private ReactorNettyTransport(TuneTheModelConnectorSettings settings) {
		this.provider = ConnectionProvider.builder("tunethemodel")
			.maxConnections(settings.maxConnections())
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			// callers wait for a connection up to the timeout, however many they are
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(settings.maxIdleTime())
			.maxLifeTime(settings.maxLifeTime())
			.evictInBackground(settings.evictionInterval())
			.build();
		this.connector = ClientHttpConnectorBuilder.reactor()
			.withHttpClientFactory(() -> HttpClient.create(this.provider))
			// https.proxyHost and the like, as the JDK client reads them by default
			.withHttpClientCustomizer(HttpClient::proxyWithSystemProperties)
			.build(settings.httpClientSettings());
	}

	/**
	 * Create the transport.
	 * @param settings the timeouts, the SSL bundle and the pool's settings
	 * @return the transport
	 */
	static ReactorNettyTransport create(TuneTheModelConnectorSettings settings) {
		return new ReactorNettyTransport(settings);
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
