package dev.tunethemodel.client;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/**
 * A wait of a bulk call, before an input's next attempt or until a pause ends: one of the
 * call's waits, all disposed when the call ends, until it runs what comes next.
 */
final class BulkWait extends BaseSubscriber<Long> {

	private final Disposable.Composite waits;

	private final Runnable then;

	private final Consumer<Throwable> refused;

	/**
	 * Create a wait.
	 * @param waits the waits of the bulk call
	 * @param then what comes next, when the wait ends
	 * @param refused takes the error of a timer that refused the wait, as when its
	 * scheduler is shut down
	 */
	BulkWait(Disposable.Composite waits, Runnable then, Consumer<Throwable> refused) {
		this.waits = waits;
		this.then = then;
		this.refused = refused;
	}

	/**
	 * Start the wait, unless the bulk call ended.
	 * @param delay how long to wait
	 */
	void start(Duration delay) {
		if (this.waits.add(this)) {
			Mono.delay(delay).subscribe(this);
		}
	}

	@Override
	protected void hookOnComplete() {
		this.waits.remove(this);
		this.then.run();
	}

	@Override
	protected void hookOnError(Throwable throwable) {
		this.refused.accept(throwable);
	}

}
