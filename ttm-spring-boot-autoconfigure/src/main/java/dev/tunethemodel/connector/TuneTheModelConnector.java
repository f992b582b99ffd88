package dev.tunethemodel.connector;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The HTTP connector of the Tune the Model client, built with Spring Boot's
 * {@code ClientHttpConnectorBuilder} from {@link TuneTheModelConnectorSettings}: Reactor
 * Netty on the application's event loop, with a connection pool of its own, when Reactor
 * Netty is on the class path, otherwise the JDK's {@code HttpClient}, with at most
 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
 * flight. Both honour the JVM's proxy settings ({@code https.proxyHost} and the like).
 * The HTTP client is created on the first request, so that it costs nothing at startup,
 * and closed by {@link #destroy()}, which the application context calls for a bean.
 *
 * @since 0.1.0
 */
public final class TuneTheModelConnector implements DisposableBean {

	private static final String REACTOR_NETTY_CLIENT = "reactor.netty.http.client.HttpClient";

	private final Supplier<ClientTransport> transportFactory;

	private final ClientHttpConnector clientHttpConnector;

	private final String transportName;

	private volatile @Nullable ClientTransport transport;

	private volatile boolean destroyed;

	/**
	 * Create a connector with the given settings, on Reactor Netty when the default class
	 * loader finds it.
	 * @param settings the connector's settings
	 * @throws TuneTheModelConfigurationException if the JDK's {@code HttpClient}, chosen
	 * for want of Reactor Netty, logs request headers
	 */
	public TuneTheModelConnector(TuneTheModelConnectorSettings settings) {
		this(settings, ClassUtils.getDefaultClassLoader());
	}

	/**
	 * Create a connector with the given settings, on Reactor Netty when the given class
	 * loader finds it.
	 * @param settings the connector's settings
	 * @param classLoader the application's class loader, {@code null} for the bootstrap
	 * class loader
	 * @throws TuneTheModelConfigurationException if the JDK's {@code HttpClient}, chosen
	 * for want of Reactor Netty, logs request headers
	 */
	public TuneTheModelConnector(TuneTheModelConnectorSettings settings, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(REACTOR_NETTY_CLIENT, classLoader)) {
			this.transportFactory = () -> ReactorNettyTransport.create(settings);
			this.transportName = "Reactor Netty";
		}
		else {
			// the transport is created on the first request, too late to stop the startup
			JdkHttpConnector.requireHeadersNotLogged();
			this.transportFactory = () -> JdkTransport.create(settings);
			this.transportName = "the JDK's HttpClient";
		}
		this.clientHttpConnector = this::connect;
	}

	/**
	 * Return the name of the HTTP client the connector is built on.
	 * @return {@code Reactor Netty} or {@code the JDK's HttpClient}
	 */
	public String getTransportName() {
		return this.transportName;
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
