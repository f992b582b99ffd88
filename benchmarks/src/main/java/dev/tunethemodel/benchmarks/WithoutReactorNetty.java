package dev.tunethemodel.benchmarks;

/**
 * The class loader of an application without Reactor Netty, such as a Spring MVC one: the
 * starter then sends its requests with the JDK's {@code HttpClient}.
 */
final class WithoutReactorNetty extends ClassLoader {

	WithoutReactorNetty() {
		super(WithoutReactorNetty.class.getClassLoader());
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (name.startsWith("reactor.netty.")) {
			throw new ClassNotFoundException(name);
		}
		return super.loadClass(name, resolve);
	}

}
