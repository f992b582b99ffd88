package dev.tunethemodel.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * Reads the inputs of a bulk call in small batches, only as its drain loop asks for them,
 * and queues them for it; every signal of the inputs runs the drain loop.
 *
 * @param <I> the type of an input
 */
final class InputReader<I> extends BaseSubscriber<I> {

	private static final int BATCH = 32;

	private final Queue<I> arrived = new ConcurrentLinkedQueue<>();

	private final Runnable drain;

	private volatile boolean subscribed;

	private volatile boolean done;

	private volatile @Nullable Throwable error;

	// read and written by the drain loop only
	private int askedFor;

	InputReader(Runnable drain) {
		this.drain = drain;
	}

	/**
	 * Take the next input that arrived.
	 * @return the input, or {@code null} when none is waiting
	 */
	@Nullable I poll() {
		I input = this.arrived.poll();
		if (input != null) {
			this.askedFor--;
		}
		return input;
	}

	/**
	 * Return whether an input arrived and was not taken yet.
	 * @return whether {@link #poll()} returns an input
	 */
	boolean hasArrived() {
		return !this.arrived.isEmpty();
	}

	/**
	 * Ask for another batch once half of the last one was taken.
	 */
	void askForMore() {
		int more = BATCH - this.askedFor;
		if (this.subscribed && !this.done && more >= BATCH / 2) {
			this.askedFor += more;
			request(more);
		}
	}

	/**
	 * Return whether every input was read and taken.
	 * @return whether the inputs completed and none is waiting
	 */
	boolean isExhausted() {
		return this.done && this.error == null && this.arrived.isEmpty();
	}

	/**
	 * Return the error of the inputs, once every input before it was taken.
	 * @return the error, or {@code null} when there is none yet
	 */
	@Nullable Throwable failure() {
		return this.arrived.isEmpty() ? this.error : null;
	}

	/**
	 * Stop reading and drop the inputs waiting.
	 */
	void stop() {
		cancel();
		this.arrived.clear();
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		this.subscribed = true;
		this.drain.run();
	}

	@Override
	protected void hookOnNext(I value) {
		try {
			this.arrived.offer(value);
		}
		catch (Throwable ex) {
			// out of memory: the inputs end with it, rather than the source's thread
			// dropping it
			cancel();
			hookOnError(ex);
			return;
		}
		this.drain.run();
	}

	@Override
	protected void hookOnComplete() {
		this.done = true;
		this.drain.run();
	}

	@Override
	protected void hookOnError(Throwable throwable) {
		this.error = throwable;
		this.done = true;
		this.drain.run();
	}

}
