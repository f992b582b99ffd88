package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two transports of the connector, and how a test gets each: Reactor Netty is on this
 * module's test class path, and hidden for the JDK client.
 */
enum ConnectorTransport {

	REACTOR_NETTY(ReactorNettyTransport.class),

	JDK(JdkTransport.class);

	private final Class<? extends ClientTransport> type;

	ConnectorTransport(Class<? extends ClientTransport> type) {
		this.type = type;
	}

	/**
	 * Return the class loader of an application with this transport.
	 * @return the class loader
	 */
	ClassLoader classLoader() {
		return (this == JDK) ? new FilteredClassLoader("reactor.netty") : getClass().getClassLoader();
	}

	/**
	 * Assert that the application's client lists the model {@code m-1} through this
	 * transport.
	 * @param context the application's context
	 */
	void assertListsTheModel(ApplicationContext context) {
		StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
			.assertNext((model) -> assertThat(model.id()).isEqualTo("m-1"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(context.getBean(TuneTheModelConnector.class).transport()).isInstanceOf(this.type);
	}

	/**
	 * Return the runner of an application with this transport.
	 * @param runner the runner to start from
	 * @return the runner
	 */
	ApplicationContextRunner apply(ApplicationContextRunner runner) {
		return (this == JDK) ? runner.withClassLoader(new FilteredClassLoader("reactor.netty")) : runner;
	}

}
