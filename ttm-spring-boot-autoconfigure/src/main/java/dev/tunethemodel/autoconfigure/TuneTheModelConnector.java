package dev.tunethemodel.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP connector of the Tune the Model client: Reactor Netty on the application's
 * event loop, with a connection pool of its own and the configured timeouts. The pool is
 * created on the first request, so that it costs nothing at startup, and closed with the
 * application context.
 *
 * @since 0.1.0
 */
public final class TuneTheModelConnector implements DisposableBean {

	private final Supplier<Connection> connectionFactory;

	private final ClientHttpConnector clientHttpConnector;

	private volatile @Nullable Connection connection;

	/**
	 * Create a connector from the given properties.
	 * @param properties the client's properties
	 */
	public TuneTheModelConnector(TuneTheModelProperties properties) {
		TuneTheModelProperties.Pool pool = properties.getPool();
		int maxConnections = pool.getMaxConnections();
		Duration pendingAcquireTimeout = pool.getPendingAcquireTimeout();
		Duration maxIdleTime = pool.getMaxIdleTime();
		Duration maxLifeTime = pool.getMaxLifeTime();
		Duration evictionInterval = pool.getEvictionInterval();
		int connectTimeout = Math.toIntExact(properties.getConnectTimeout().toMillis());
		Duration readTimeout = properties.getReadTimeout();
		this.connectionFactory = () -> {
			ConnectionProvider provider = ConnectionProvider.builder("tunethemodel")
				.maxConnections(maxConnections)
				.pendingAcquireTimeout(pendingAcquireTimeout)
				// callers wait for a connection up to the timeout, however many they are
				.pendingAcquireMaxCount(-1)
				.maxIdleTime(maxIdleTime)
				.maxLifeTime(maxLifeTime)
				.evictInBackground(evictionInterval)
				.build();
			HttpClient httpClient = HttpClient.create(provider)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout)
				.responseTimeout(readTimeout);
			return new Connection(provider, new ReactorClientHttpConnector(httpClient));
		};
		this.clientHttpConnector = this::connect;
	}

	/**
	 * Return the connector to give the client's {@code WebClient}.
	 * @return the connector
	 */
	public ClientHttpConnector getClientHttpConnector() {
		return this.clientHttpConnector;
	}

	private Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return connection().connector().connect(method, uri, requestCallback);
	}

	private Connection connection() {
		Connection created = this.connection;
		if (created == null) {
			synchronized (this) {
				created = this.connection;
				if (created == null) {
					created = this.connectionFactory.get();
					this.connection = created;
				}
			}
		}
		return created;
	}

	@Override
	public void destroy() {
		Connection created = this.connection;
		if (created != null) {
			created.provider().dispose();
		}
	}

	private record Connection(ConnectionProvider provider, ClientHttpConnector connector) {

	}

}
