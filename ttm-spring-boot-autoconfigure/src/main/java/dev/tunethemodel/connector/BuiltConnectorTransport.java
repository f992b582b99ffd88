package dev.tunethemodel.connector;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The connector an application's {@link ClientHttpConnectorBuilder} of another kind than
 * Reactor Netty's or the JDK's builds (Jetty's, Apache HttpComponents', the application's
 * own), with the connector's timeouts and SSL bundle, and at most
 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
 * flight, since its pool is not the connector's to size. Closed with the transport when
 * it is {@link AutoCloseable}.
 */
final class BuiltConnectorTransport implements ClientTransport {

	private static final Log logger = LogFactory.getLog(BuiltConnectorTransport.class);

	private final ClientHttpConnector built;

	private final ConnectionPermits permits;

	private final ClientHttpConnector connector;

	private BuiltConnectorTransport(TuneTheModelConnectorSettings settings, ClientHttpConnectorBuilder<?> builder) {
		this.built = builder.build(settings.httpClientSettings());
		this.permits = new ConnectionPermits(settings.maxConnections(), settings.pendingAcquireTimeout());
		this.connector = new PermitLimitedConnector(this.built, this.permits);
	}

	/**
	 * Create the transport.
	 * @param settings the timeouts and the SSL bundle, given to the builder, and the
	 * maximum number of requests in flight with the longest wait for one
	 * @param builder the application's builder
	 * @return the transport
	 */
	static BuiltConnectorTransport create(TuneTheModelConnectorSettings settings,
			ClientHttpConnectorBuilder<?> builder) {
		return new BuiltConnectorTransport(settings, builder);
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
		if (this.built instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// as the context does for a bean that fails to close: the others still
				// close
				logger.warn("Failed to close the HTTP client of the Tune the Model connector", ex);
			}
		}
	}

}
