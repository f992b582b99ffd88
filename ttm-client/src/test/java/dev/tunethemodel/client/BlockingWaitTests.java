package dev.tunethemodel.client;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the waits of {@link BlockingTuneTheModelTemplate} for reactive calls that
 * never end: each ends by the call's own deadline, and cancels the call. Part of the
 * hostile suite.
 */
@HostileSuite
class BlockingWaitTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private final AtomicInteger cancelled = new AtomicInteger();

	private final TuneTheModelOperations neverEnding = (TuneTheModelOperations) Proxy.newProxyInstance(
			getClass().getClassLoader(), new Class<?>[] { TuneTheModelOperations.class }, (proxy, method, args) -> {
				if (method.getReturnType() == Mono.class) {
					return Mono.never().doOnCancel(this.cancelled::incrementAndGet);
				}
				if (method.getReturnType() == Flux.class) {
					return Flux.never().doOnCancel(this.cancelled::incrementAndGet);
				}
				return switch (method.getName()) {
					case "toString" -> "never-ending operations";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> proxy;
				};
			});

	@Test
	void singleCallThatNeverEndsIsCancelledAfterItsTimeoutAndAMargin() {
		BlockingTuneTheModelTemplate blocking = new BlockingTuneTheModelTemplate(this.neverEnding,
				Duration.ofMillis(200));
		assertThatExceptionOfType(TuneTheModelTimeoutException.class).isThrownBy(() -> blocking.getModel("m-1"))
			.withMessage("The call did not end within its timeout of PT0.2S and a margin of PT1S: it was cancelled");
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void listThatNeverEndsIsCancelledAfterItsTimeoutAndAMargin() {
		BlockingTuneTheModelTemplate blocking = new BlockingTuneTheModelTemplate(this.neverEnding,
				Duration.ofMillis(200));
		assertThatExceptionOfType(TuneTheModelTimeoutException.class).isThrownBy(blocking::listModels);
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void timeoutIsKeptByOperationsWithOtherRetrySettings() {
		BlockingTuneTheModelOperations blocking = new BlockingTuneTheModelTemplate(this.neverEnding,
				Duration.ofMillis(200))
			.withRetrySettings(RetrySettings.none());
		assertThatExceptionOfType(TuneTheModelTimeoutException.class).isThrownBy(() -> blocking.classify("m-1", "a"));
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void awaitReadyThatNeverEndsEndsAfterItsOwnTimeout() {
		BlockingTuneTheModelTemplate blocking = new BlockingTuneTheModelTemplate(this.neverEnding);
		assertThatExceptionOfType(TuneTheModelTimeoutException.class)
			.isThrownBy(() -> blocking.awaitReady("m-1", Duration.ofMillis(200)))
			.withMessage("The call did not end within its timeout of PT0.2S and a margin of PT1S: it was cancelled");
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void interruptCancelsACallThatHasATimeout() throws InterruptedException {
		BlockingTuneTheModelTemplate blocking = new BlockingTuneTheModelTemplate(this.neverEnding, VERIFY);
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				blocking.getModel("m-1");
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
			}
		});
		caller.start();
		// interrupted as it waits, or before: either way the call ends
		caller.interrupt();
		caller.join(VERIFY.toMillis());
		assertThat(caller.isAlive()).isFalse();
		assertThat(thrown.get()).isInstanceOf(TuneTheModelException.class)
			.hasMessage("Interrupted while waiting for the Tune the Model API");
		assertThat(this.cancelled).hasValue(1);
	}

}
