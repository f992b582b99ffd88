package dev.tunethemodel.testsupport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Hooks;

/**
 * Collects the errors Reactor drops during each test, which it would otherwise log as
 * ERROR: an error nobody waits for any more, such as one that ends a cancelled call.
 *
 * @since 0.1.0
 */
public final class DroppedErrors implements BeforeEachCallback, AfterEachCallback {

	private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		this.errors.clear();
		Hooks.onErrorDropped(this.errors::add);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Hooks.resetOnErrorDropped();
	}

	/**
	 * Return the errors dropped so far in the test.
	 * @return the errors, in the order they were dropped
	 */
	public Queue<Throwable> errors() {
		return this.errors;
	}

}
