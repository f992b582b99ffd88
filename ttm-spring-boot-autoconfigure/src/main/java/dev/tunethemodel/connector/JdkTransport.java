package dev.tunethemodel.connector;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The JDK's {@code HttpClient}, for applications without Reactor Netty, with the JVM's
 * proxy settings (its default proxy selector reads them) and at most
 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
 * flight: the JDK client has no limit of its own on HTTP/1.1 connections. Built with
 * Spring Boot's {@link JdkHttpClientBuilder}, behind a {@link JdkHttpConnector}, so that
 * a response read in part closes its connection.
 */
final class JdkTransport implements ClientTransport {

	private final ExecutorService executor;

	private final ConnectionPermits permits;

	private final ClientHttpConnector connector;

	private JdkTransport(TuneTheModelConnectorSettings settings) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("tunethemodel-http-");
		threads.setDaemon(true);
		// the client's own threads, so that closing the context stops them
		this.executor = Executors.newCachedThreadPool(threads);
		this.permits = new ConnectionPermits(settings.maxConnections(), settings.pendingAcquireTimeout());
		HttpClient httpClient = new JdkHttpClientBuilder().withExecutor(this.executor)
			.build(settings.httpClientSettings().withReadTimeout(null));
		this.connector = new PermitLimitedConnector(new JdkHttpConnector(httpClient, settings.readTimeout()),
				this.permits);
	}

	/**
	 * Create the transport.
	 * @param settings the timeouts, the SSL bundle and the pool's settings, of which the
	 * JDK client takes the maximum number of connections and the longest wait for one
	 * @return the transport
	 */
	static JdkTransport create(TuneTheModelConnectorSettings settings) {
		return new JdkTransport(settings);
	}

	@Override
	public ClientHttpConnector connector() {
		return this.connector;
	}

	/**
	 * Return the permits that bound the requests in flight.
	 * @return the permits
	 */
	ConnectionPermits permits() {
		return this.permits;
	}

	@Override
	public void close() {
		this.permits.close();
		this.executor.shutdownNow();
	}

}
