package dev.tunethemodel.client;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When a wait reads a status again: a second after the first read, then each wait half as
 * long again as the one before, up to the poll interval, which no wait exceeds. A status
 * that changes soon is seen soon, and a long wait costs few reads more than reading every
 * poll interval would.
 */
final class PollSchedule {

	/**
	 * The wait after the first read, unless the poll interval is shorter.
	 */
	static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	private final Duration pollInterval;

	/**
	 * Create the schedule of a poll interval.
	 * @param pollInterval the longest wait between two reads
	 */
	PollSchedule(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * Return the reads of a status: one at once, then one after each wait, until the
	 * subscriber cancels.
	 * @param <T> the type of the status
	 * @param read reads the status, subscribed to once for each read
	 * @return the statuses read
	 */
	<T> Flux<T> poll(Mono<T> read) {
		return read.repeatWhen((reads) -> reads.zipWith(waits(), (done, wait) -> wait).concatMap(Mono::delay));
	}

	/**
	 * Return the waits between reads, the first after the first read.
	 * @return the waits, without end
	 */
	Flux<Duration> waits() {
		Duration first = (this.pollInterval.compareTo(FIRST_WAIT) < 0) ? this.pollInterval : FIRST_WAIT;
		return Flux.generate(() -> first, (wait, sink) -> {
			sink.next(wait);
			return longer(wait);
		});
	}

	private Duration longer(Duration wait) {
		Duration next = wait.plus(wait.dividedBy(2));
		return (next.compareTo(this.pollInterval) < 0) ? next : this.pollInterval;
	}

}
