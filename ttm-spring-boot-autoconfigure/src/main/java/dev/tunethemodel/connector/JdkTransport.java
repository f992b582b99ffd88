package dev.tunethemodel.connector;

import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The JDK's {@code HttpClient}, for applications without Reactor Netty, with the JVM's
 * proxy settings (its default proxy selector reads them) and at most
 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
 * flight: the JDK client has no limit of its own on HTTP/1.1 connections. Built with
 * Spring Boot's {@link JdkHttpClientBuilder}, behind a {@link JdkHttpConnector}, so that
 * a response read in part closes its connection. Its threads are virtual ones when the
 * application runs on virtual threads, else a pool of its own.
 */
final class JdkTransport implements ClientTransport {

	private static final String THREAD_NAME_PREFIX = "tunethemodel-http-";

	private final Executor executor;

	private final ConnectionPermits permits;

	private final ClientHttpConnector connector;

	private JdkTransport(TuneTheModelConnectorSettings settings, Threading threading) {
		this.executor = executor(threading);
		this.permits = new ConnectionPermits(settings.maxConnections(), settings.pendingAcquireTimeout());
		HttpClient httpClient = new JdkHttpClientBuilder().withExecutor(this.executor)
			.build(settings.httpClientSettings().withReadTimeout(null));
		this.connector = new PermitLimitedConnector(new JdkHttpConnector(httpClient, settings.readTimeout()),
				this.permits);
	}

	private static Executor executor(Threading threading) {
		if (threading == Threading.VIRTUAL) {
			return new VirtualThreadTaskExecutor(THREAD_NAME_PREFIX);
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory(THREAD_NAME_PREFIX);
		threads.setDaemon(true);
		// the client's own threads, so that closing the context stops them
		return Executors.newCachedThreadPool(threads);
	}

	/**
	 * Create the transport.
	 * @param settings the timeouts, the SSL bundle and the pool's settings, of which the
	 * JDK client takes the maximum number of connections and the longest wait for one
	 * @param threading {@link Threading#VIRTUAL} for a virtual thread per task, which
	 * needs Java 21, {@link Threading#PLATFORM} for a pool of the transport's own
	 * @return the transport
	 */
	static JdkTransport create(TuneTheModelConnectorSettings settings, Threading threading) {
		return new JdkTransport(settings, threading);
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

	/**
	 * Return the executor of the client's tasks.
	 * @return the executor
	 */
	Executor executor() {
		return this.executor;
	}

	@Override
	public void close() {
		this.permits.close();
		// virtual threads have no pool to shut down
		if (this.executor instanceof ExecutorService pool) {
			pool.shutdownNow();
		}
	}

}
