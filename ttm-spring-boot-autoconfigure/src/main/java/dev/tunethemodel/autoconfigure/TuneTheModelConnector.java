package dev.tunethemodel.autoconfigure;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The HTTP connector of the Tune the Model client, built with Spring Boot's
 * {@code ClientHttpConnectorBuilder} from the configured timeouts and SSL bundle: Reactor
 * Netty on the application's event loop, with a connection pool of its own, when Reactor
 * Netty is on the class path, otherwise the JDK's {@code HttpClient}, with at most
 * {@code tunethemodel.pool.max-connections} requests in flight. Both honour the JVM's
 * proxy settings ({@code https.proxyHost} and the like). The HTTP client is created on
 * the first request, so that it costs nothing at startup, and closed with the application
 * context.
 *
 * @since 0.1.0
 */
public final class TuneTheModelConnector implements DisposableBean {

	private static final String REACTOR_NETTY_CLIENT = "reactor.netty.http.client.HttpClient";

	private final Supplier<ClientTransport> transportFactory;

	private final ClientHttpConnector clientHttpConnector;

	private volatile @Nullable ClientTransport transport;

	private volatile boolean destroyed;

	/**
	 * Create a connector from the given properties, trusting the JVM's default
	 * certificate authorities.
	 * @param properties the client's properties
	 */
	public TuneTheModelConnector(TuneTheModelProperties properties) {
		this(properties, null);
	}

	/**
	 * Create a connector from the given properties and SSL bundle.
	 * @param properties the client's properties
	 * @param sslBundle the SSL bundle whose trust material the connector uses, or
	 * {@code null} for the JVM's default
	 */
	public TuneTheModelConnector(TuneTheModelProperties properties, @Nullable SslBundle sslBundle) {
		this(properties, sslBundle, ClassUtils.getDefaultClassLoader());
	}

	/**
	 * Create a connector that looks for Reactor Netty with the given class loader.
	 * @param properties the client's properties
	 * @param sslBundle the SSL bundle, or {@code null} for the JVM's default
	 * @param classLoader the application's class loader
	 */
	TuneTheModelConnector(TuneTheModelProperties properties, @Nullable SslBundle sslBundle,
			@Nullable ClassLoader classLoader) {
		PoolSettings pool = PoolSettings.of(properties.getPool());
		// no redirects: none from the API, and none may carry the key elsewhere
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.withSslBundle(sslBundle);
		if (ClassUtils.isPresent(REACTOR_NETTY_CLIENT, classLoader)) {
			this.transportFactory = () -> ReactorNettyTransport.create(settings, pool);
		}
		else {
			// the transport is created on the first request, too late to stop the startup
			JdkHttpConnector.requireHeadersNotLogged();
			this.transportFactory = () -> JdkTransport.create(settings, pool);
		}
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
		if (this.destroyed) {
			return Mono.error(new IllegalStateException("The Tune the Model connector is closed"));
		}
		return transport().connector().connect(method, uri, requestCallback);
	}

	/**
	 * Return the transport, created on the first call.
	 * @return the transport
	 */
	ClientTransport transport() {
		ClientTransport created = this.transport;
		if (created == null) {
			synchronized (this) {
				created = this.transport;
				if (created == null) {
					Assert.state(!this.destroyed, "The Tune the Model connector is closed");
					created = this.transportFactory.get();
					this.transport = created;
				}
			}
		}
		return created;
	}

	/**
	 * Return whether the HTTP client has been created.
	 * @return whether a request was made
	 */
	boolean isStarted() {
		return this.transport != null;
	}

	@Override
	public void destroy() {
		ClientTransport created;
		synchronized (this) {
			this.destroyed = true;
			created = this.transport;
		}
		if (created != null) {
			created.close();
		}
	}

}
