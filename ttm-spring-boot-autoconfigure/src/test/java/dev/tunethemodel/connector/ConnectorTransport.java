package dev.tunethemodel.connector;

import java.time.Duration;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two transports of the connector, and how a test gets each: Reactor Netty is on this
 * module's test class path, and hidden for the JDK client. Public for the tests of the
 * auto-configuration.
 */
public enum ConnectorTransport {

	/**
	 * Reactor Netty, with the connector's pool.
	 */
	REACTOR_NETTY(ReactorNettyTransport.class),

	/**
	 * The JDK's {@code HttpClient}, with the connector's permits.
	 */
	JDK(JdkTransport.class);

	private final Class<? extends ClientTransport> type;

	ConnectorTransport(Class<? extends ClientTransport> type) {
		this.type = type;
	}

	/**
	 * Return the class loader of an application with this transport.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return (this == JDK) ? new FilteredClassLoader("reactor.netty") : getClass().getClassLoader();
	}

	/**
	 * Return a connector on this transport.
	 * @param settings the connector's settings
	 * @return the connector
	 */
	public TuneTheModelConnector connector(TuneTheModelConnectorSettings settings) {
		return new TuneTheModelConnector(settings, classLoader());
	}

	/**
	 * Assert that the given connector sends its requests through this transport.
	 * @param connector the connector
	 */
	public void assertIsTheTransportOf(TuneTheModelConnector connector) {
		assertThat(connector.transport()).isInstanceOf(this.type);
	}

	/**
	 * Assert that the application's client lists the model {@code m-1} through this
	 * transport.
	 * @param context the application's context
	 */
	public void assertListsTheModel(ApplicationContext context) {
		StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
			.assertNext((model) -> assertThat(model.id()).isEqualTo("m-1"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertIsTheTransportOf(context.getBean(TuneTheModelConnector.class));
	}

	/**
	 * Return the runner of an application with this transport.
	 * @param runner the runner to start from
	 * @return the runner
	 */
	public ApplicationContextRunner apply(ApplicationContextRunner runner) {
		return (this == JDK) ? runner.withClassLoader(new FilteredClassLoader("reactor.netty")) : runner;
	}

}
