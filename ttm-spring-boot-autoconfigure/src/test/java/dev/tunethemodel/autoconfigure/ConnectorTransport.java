package dev.tunethemodel.autoconfigure;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

	Class<? extends ClientTransport> type() {
		return this.type;
	}

	/**
	 * Return the class loader of an application with this transport.
	 * @return the class loader
	 */
	ClassLoader classLoader() {
		return (this == JDK) ? new FilteredClassLoader("reactor.netty") : getClass().getClassLoader();
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
