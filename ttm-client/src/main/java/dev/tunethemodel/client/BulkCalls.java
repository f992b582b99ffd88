package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

import dev.tunethemodel.client.ModelConcurrency.Permit;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

/**
 * Makes one call for each input of a bulk call and passes the results on in input order.
 * <p>
 * Inputs are read as calls can start. At most as many attempts are in flight, over every
 * bulk call of the account on the model, as their {@link ModelConcurrency} allows; inputs
 * started and not yet passed on are at most the maximum buffered, in a window that grows
 * as results wait behind an earlier input, and at most the results requested plus the
 * maximum attempts in flight. Each input's call is retried as the retry settings say, a
 * 429 or a 503 without using up the retries, and ends within the client's timeout. An
 * input whose call fails for good ends the results, after those of every input before it,
 * with a {@link TuneTheModelInputFailedException}; an error of the inputs themselves ends
 * them as it is. When the results end or are cancelled, no input is read and no attempt
 * started any more; those in flight end within the timeout, their responses dropped.
 * Everything runs in one drain loop, entered by one thread at a time; other threads only
 * queue what happened. Any {@link Throwable} thrown inside the call, the subscriber's and
 * the JVM's errors too, ends the results at once with that error: the thread that ran
 * into it would only drop it, and leave the subscriber waiting.
 *
 * @param <I> the type of an input
 * @param <T> the type of the response of a call
 * @param <R> the type of a result
 */
final class BulkCalls<I, T, R> implements Subscription {

	/**
	 * Return the results of the calls of the given inputs, in input order.
	 * @param <I> the type of an input
	 * @param <T> the type of the response of a call
	 * @param <R> the type of a result
	 * @param inputs the inputs
	 * @param calls returns the call of an input; an exception fails that input
	 * @param results returns the result of an input from its response; an exception fails
	 * that input, an error ends the results
	 * @param concurrency the concurrency of the account on the model
	 * @param maxConcurrency the maximum number of attempts in flight
	 * @param maxBuffered the maximum number of inputs started and not yet passed on
	 * @param observed counts the attempts, {@code null} when the call is not observed
	 * @return the results
	 */
	static <I, T, R> Flux<R> run(Flux<I> inputs, Function<I, ScheduledCall<T>> calls, BiFunction<I, T, R> results,
			ModelConcurrency concurrency, int maxConcurrency, int maxBuffered,
			@Nullable TuneTheModelObservationContext observed) {
		Publisher<R> publisher = (subscriber) -> new BulkCalls<>(Operators.toCoreSubscriber(subscriber), calls, results,
				concurrency, maxConcurrency, maxBuffered, observed)
			.start(inputs);
		return Flux.from(publisher);
	}

	private final CoreSubscriber<? super R> subscriber;

	private final Function<I, ScheduledCall<T>> calls;

	private final BiFunction<I, T, R> results;

	private final ModelConcurrency concurrency;

	private final Runnable wakeUp = this::drain;

	private final @Nullable TuneTheModelObservationContext observed;

	private final AtomicInteger work = new AtomicInteger();

	private final Queue<BulkInput<I, T>> waitedOut = new ConcurrentLinkedQueue<>();

	private final Queue<Attempt> ended = new ConcurrentLinkedQueue<>();

	private final Disposable.Composite waits = Disposables.composite();

	private final InputReader<I> inputs = new InputReader<>(this::drain);

	private final InOrderResults<R> inOrder;

	private final long startedAt = System.nanoTime();

	private volatile boolean cancelled;

	private volatile @Nullable Throwable fatal;

	private volatile boolean finished;

	// the fields below are read and written by the drain loop only

	private long started;

	private long wakeUpAt = System.nanoTime();

	private BulkCalls(CoreSubscriber<? super R> subscriber, Function<I, ScheduledCall<T>> calls,
			BiFunction<I, T, R> results, ModelConcurrency concurrency, int maxConcurrency, int maxBuffered,
			@Nullable TuneTheModelObservationContext observed) {
		this.subscriber = subscriber;
		this.observed = observed;
		this.calls = calls;
		this.results = results;
		this.inOrder = new InOrderResults<>(subscriber, maxConcurrency, maxBuffered);
		this.concurrency = concurrency;
	}

	void start(Flux<I> source) {
		this.concurrency.open();
		this.subscriber.onSubscribe(this);
		source.subscribe(this.inputs);
		drain();
	}

	@Override
	public void request(long n) {
		if (Operators.validate(n)) {
			this.inOrder.request(n);
			drain();
		}
	}

	@Override
	public void cancel() {
		this.cancelled = true;
		drain();
	}

	private void drain() {
		if (this.work.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			if (!this.finished) {
				try {
					step();
				}
				catch (Throwable ex) {
					end(ex);
				}
			}
			missed = this.work.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void step() throws Throwable {
		if (this.cancelled) {
			finish();
			return;
		}
		Throwable fatal = this.fatal;
		if (fatal != null) {
			throw fatal;
		}
		long now = System.nanoTime();
		for (Attempt attempt = this.ended.poll(); attempt != null; attempt = this.ended.poll()) {
			// the permit is given back once the response has changed the concurrency
			try {
				settle(attempt, now);
			}
			finally {
				this.concurrency.release();
			}
		}
		Throwable inputsError = this.inputs.failure();
		if (inputsError != null) {
			this.inOrder.fail(this.started, inputsError);
		}
		passOn();
		// an input that fails before it starts may be the last: no answer would pass it
		// on
		if (!this.finished && startAttempts(now)) {
			passOn();
		}
		if (!this.finished && this.inOrder.hasRoom(this.started)) {
			this.inputs.askForMore();
		}
	}

	private void settle(Attempt attempt, long now) {
		BulkInput<I, T> input = attempt.input;
		if (!this.inOrder.counts(input.position())) {
			return;
		}
		Throwable failure = attempt.failure;
		if (failure == null) {
			this.concurrency.succeeded(attempt.epoch, now - attempt.startedAt, this.startedAt, now);
			responded(input, attempt.response);
			return;
		}
		Duration delay = input.retryDelay(failure, this.concurrency.refusesWhateverTheLoad(), now);
		if (failure instanceof ErrorResponse response && Retries.isOverloaded(response)) {
			// the wait of the input, never shorter than its backoff, holds the others too
			this.concurrency.overloaded(attempt.epoch, attempt.inFlightAtStart,
					(delay != null) ? delay : response.retryAfter(), now);
		}
		if (delay == null) {
			failInput(input.position(), input.failure(failure));
			return;
		}
		schedule(delay, () -> queue(this.waitedOut, input));
	}

	private void responded(BulkInput<I, T> input, @Nullable T response) {
		if (response == null) {
			failInput(input.position(), input.failure(new IllegalStateException("no response")));
			return;
		}
		R result;
		try {
			result = this.results.apply(input.value(), response);
		}
		catch (RuntimeException ex) {
			failInput(input.position(), ex);
			return;
		}
		this.inOrder.put(input.position(), result);
	}

	private void failInput(long position, Throwable cause) {
		this.inOrder.fail(position, new TuneTheModelInputFailedException(position, cause));
	}

	private void passOn() {
		Throwable failure = this.inOrder.passOn(this.started);
		if (failure != null) {
			end(failure);
		}
		else if (this.inputs.isExhausted() && this.inOrder.passedOn() == this.started) {
			finish();
			this.subscriber.onComplete();
		}
	}

	// a permit is taken for an input that is there, given back if it does not start;
	// whether an input failed before it started
	private boolean startAttempts(long now) {
		boolean failed = false;
		while (!this.waitedOut.isEmpty() || (this.inOrder.hasRoom(this.started) && this.inputs.hasArrived())) {
			Permit permit = this.concurrency.tryAcquire(now, this.wakeUp);
			if (permit == Permit.PAUSED && this.wakeUpAt != this.concurrency.pausedUntil()) {
				// while paused, no attempt may end to wake this call up
				this.wakeUpAt = this.concurrency.pausedUntil();
				schedule(Duration.ofNanos(Math.max(0, this.wakeUpAt - now)), this::drain);
			}
			if (permit != Permit.TAKEN) {
				return failed;
			}
			BulkInput<I, T> input = this.waitedOut.poll();
			if (input == null) {
				I value = this.inputs.poll();
				input = (value != null) ? newInput(value) : null;
				failed |= value != null && input == null;
			}
			if (input == null || !this.inOrder.counts(input.position())) {
				this.concurrency.release();
			}
			else if (!attempt(input, now)) {
				this.concurrency.release();
				failed = true;
			}
		}
		return failed;
	}

	private @Nullable BulkInput<I, T> newInput(I value) {
		long position = this.started++;
		try {
			return new BulkInput<>(position, value, this.calls.apply(value));
		}
		catch (RuntimeException ex) {
			failInput(position, ex);
			return null;
		}
	}

	private boolean attempt(BulkInput<I, T> input, long now) {
		Mono<T> attempt = input.nextAttempt(now);
		if (attempt == null) {
			failInput(input.position(), input.timedOut());
			return false;
		}
		if (this.observed != null) {
			this.observed.setAttempts(this.observed.getAttempts() + 1);
		}
		attempt.subscribe(new Attempt(input, this.concurrency.epoch(), this.concurrency.inFlight(), now));
		return true;
	}

	private void schedule(Duration delay, Runnable then) {
		new BulkWait(this.waits, then, (refused) -> {
			this.fatal = refused;
			drain();
		}).start(delay);
	}

	// a queue out of memory ends the call, not the thread that would drop the error
	private <E> void queue(Queue<E> queue, E element) {
		try {
			queue.offer(element);
		}
		catch (Throwable ex) {
			this.fatal = ex;
		}
		drain();
	}

	private void end(Throwable error) {
		finish();
		this.subscriber.onError(error);
	}

	// attempts in flight end by themselves: a cancelled exchange closes its connection
	private void finish() {
		this.finished = true;
		this.concurrency.close(this.wakeUp);
		this.inputs.stop();
		this.waits.dispose();
		this.waitedOut.clear();
		releaseEnded();
		this.inOrder.clear();
	}

	// taken from the queue once, by the drain loop or here
	private void releaseEnded() {
		while (this.ended.poll() != null) {
			this.concurrency.release();
		}
	}

	/**
	 * One attempt of an input's call, queued for the drain loop when it ends.
	 */
	private final class Attempt extends BaseSubscriber<T> {

		private final BulkInput<I, T> input;

		private final long epoch;

		private final int inFlightAtStart;

		private final long startedAt;

		private @Nullable T response;

		private @Nullable Throwable failure;

		Attempt(BulkInput<I, T> input, long epoch, int inFlightAtStart, long startedAt) {
			this.input = input;
			this.epoch = epoch;
			this.inFlightAtStart = inFlightAtStart;
			this.startedAt = startedAt;
		}

		// the bulk call's context: its observation is the parent of the attempts'
		@Override
		public Context currentContext() {
			return Context.of(BulkCalls.this.subscriber.currentContext());
		}

		@Override
		protected void hookOnNext(T value) {
			this.response = value;
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			this.failure = throwable;
		}

		@Override
		protected void hookFinally(SignalType type) {
			queue(BulkCalls.this.ended, this);
			if (BulkCalls.this.finished) {
				releaseEnded();
			}
		}

	}

}
