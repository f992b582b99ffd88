package dev.tunethemodel.connector;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.system.JavaVersion;
import org.springframework.boot.thread.Threading;
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
 * {@link ClientHttpConnectorBuilder} from {@link TuneTheModelConnectorSettings}. The
 * application's builder, when given, decides the HTTP client: Reactor Netty, on the
 * application's event loop with a connection pool of its own, for Reactor Netty's
 * builder; the JDK's {@code HttpClient} for the JDK's; what any other builder builds.
 * Without a builder, the class path decides: Reactor Netty when it is there, else the
 * JDK's {@code HttpClient}. All but Reactor Netty have at most
 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
 * flight. Reactor Netty and the JDK's client honour the JVM's proxy settings
 * ({@code https.proxyHost} and the like). The HTTP client is created on the first
 * request, so that it costs nothing at startup, and closed by {@link #destroy()}, which
 * the application context calls for a bean.
 *
 * @since 0.1.0
 */
public final class TuneTheModelConnector implements DisposableBean {

	private static final String REACTOR_NETTY_CLIENT = "reactor.netty.http.client.HttpClient";

	private static final String REACTOR_NETTY = "Reactor Netty";

	private static final String JDK = "the JDK's HttpClient";

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
		this(settings, classLoader, Threading.PLATFORM);
	}

	/**
	 * Create a connector with the given settings, on Reactor Netty when the given class
	 * loader finds it, else on the JDK's {@code HttpClient} with the given threads.
	 * @param settings the connector's settings
	 * @param classLoader the application's class loader, {@code null} for the bootstrap
	 * class loader
	 * @param threading the threads of the JDK's {@code HttpClient}:
	 * {@link Threading#VIRTUAL} for virtual ones, which need Java 21, as
	 * {@code Threading.VIRTUAL.isActive(environment)} tells
	 * @throws TuneTheModelConfigurationException if the JDK's {@code HttpClient}, chosen
	 * for want of Reactor Netty, logs request headers
	 * @throws IllegalArgumentException if the JDK's {@code HttpClient}, chosen for want
	 * of Reactor Netty, is to run on virtual threads before Java 21
	 */
	public TuneTheModelConnector(TuneTheModelConnectorSettings settings, @Nullable ClassLoader classLoader,
			Threading threading) {
		this(ClassUtils.isPresent(REACTOR_NETTY_CLIENT, classLoader)
				? new Choice(() -> ReactorNettyTransport.create(settings, ClientHttpConnectorBuilder.reactor()),
						REACTOR_NETTY)
				: jdk(settings, threading));
	}

	/**
	 * Create a connector with the given settings on the HTTP client of the application's
	 * builder: Reactor Netty with the connector's pool, with the builder's customizers
	 * (such as its event loop), for a {@link ReactorClientHttpConnectorBuilder}; the
	 * JDK's {@code HttpClient}, with the given threads, for a
	 * {@link JdkClientHttpConnectorBuilder}; else what the builder builds, with the
	 * connector's timeouts and SSL bundle and at most
	 * {@link TuneTheModelConnectorSettings#maxConnections() maxConnections} requests in
	 * flight, closed with the connector when it is {@link AutoCloseable}. No HTTP client
	 * follows redirects.
	 * @param settings the connector's settings
	 * @param connectorBuilder the application's builder, such as Spring Boot's
	 * {@code ClientHttpConnectorBuilder} bean
	 * @param threading the threads of the JDK's {@code HttpClient}:
	 * {@link Threading#VIRTUAL} for virtual ones, which need Java 21, as
	 * {@code Threading.VIRTUAL.isActive(environment)} tells
	 * @throws TuneTheModelConfigurationException if the JDK's {@code HttpClient} logs
	 * request headers
	 * @throws IllegalArgumentException if the JDK's {@code HttpClient} is to run on
	 * virtual threads before Java 21
	 */
	public TuneTheModelConnector(TuneTheModelConnectorSettings settings, ClientHttpConnectorBuilder<?> connectorBuilder,
			Threading threading) {
		this(choice(settings, connectorBuilder, threading));
	}

	private TuneTheModelConnector(Choice choice) {
		this.transportFactory = choice.transportFactory();
		this.transportName = choice.transportName();
		this.clientHttpConnector = this::connect;
	}

	private static Choice choice(TuneTheModelConnectorSettings settings, ClientHttpConnectorBuilder<?> builder,
			Threading threading) {
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return new Choice(() -> ReactorNettyTransport.create(settings, reactor), REACTOR_NETTY);
		}
		if (builder instanceof JdkClientHttpConnectorBuilder) {
			return jdk(settings, threading);
		}
		return new Choice(() -> BuiltConnectorTransport.create(settings, builder), builder.getClass().getSimpleName());
	}

	private static Choice jdk(TuneTheModelConnectorSettings settings, Threading threading) {
		// the transport is created on the first request, too late to stop the startup
		JdkHttpConnector.requireHeadersNotLogged();
		if (threading == Threading.VIRTUAL
				&& !JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
			throw new IllegalArgumentException("Virtual threads need Java 21 or later, not Java "
					+ JavaVersion.getJavaVersion() + ": the JDK's HttpClient cannot run on them");
		}
		return new Choice(() -> JdkTransport.create(settings, threading), JDK);
	}

	/**
	 * Return the name of the HTTP client the connector is built on.
	 * @return {@code Reactor Netty}, {@code the JDK's HttpClient}, or the simple name of
	 * the class of the application's builder of another kind
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

	private record Choice(Supplier<ClientTransport> transportFactory, String transportName) {

	}

}
