package dev.tunethemodel.autoconfigure;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The HTTP connector of the Tune the Model client: Reactor Netty on the application's event
 * loop, with a connection pool of its own and the configured timeouts. The pool is closed
 * with the application context.
 */
public final class TuneTheModelConnector implements DisposableBean {

	private final ConnectionProvider connectionProvider;

	private final ClientHttpConnector clientHttpConnector;

	/**
	 * Create a connector from the given properties.
	 * @param properties the client's properties
	 */
	public TuneTheModelConnector(TuneTheModelProperties properties) {
		TuneTheModelProperties.Pool pool = properties.getPool();
		this.connectionProvider = ConnectionProvider.builder("tunethemodel")
			.maxConnections(pool.getMaxConnections())
			.pendingAcquireTimeout(pool.getPendingAcquireTimeout())
			// callers wait for a connection up to the timeout, however many they are
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(pool.getMaxIdleTime())
			.maxLifeTime(pool.getMaxLifeTime())
			.evictInBackground(pool.getEvictionInterval())
			.build();
		HttpClient httpClient = HttpClient.create(this.connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.getConnectTimeout().toMillis()))
			.responseTimeout(properties.getReadTimeout());
		this.clientHttpConnector = new ReactorClientHttpConnector(httpClient);
	}

	/**
	 * Return the connector to give the client's {@code WebClient}.
	 * @return the connector
	 */
	public ClientHttpConnector getClientHttpConnector() {
		return this.clientHttpConnector;
	}

	@Override
	public void destroy() {
		this.connectionProvider.dispose();
	}

}
