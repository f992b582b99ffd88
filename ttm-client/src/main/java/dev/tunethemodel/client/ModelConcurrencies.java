package dev.tunethemodel.client;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.util.ConcurrentLruCache;

/**
 * The {@link ModelConcurrency} of each account and model a client's bulk calls use,
 * shared by the client and its views: the most recently used ones, and each forgotten
 * after a while without a bulk call. Thread-safe.
 */
final class ModelConcurrencies {

	/** How long what was learned of a model is kept without a bulk call. */
	static final Duration FORGET_AFTER = Duration.ofMinutes(10);

	// far more than the models an application calls in bulk; each is a few hundred bytes
	private static final int MAX_MODELS = 256;

	private final ConcurrentLruCache<Key, ModelConcurrency> concurrencies;

	/**
	 * Create the concurrencies of a client's bulk calls.
	 * @param maxConcurrency the maximum number of attempts in flight, at least 1
	 * @param maxHold the longest time a wait the API asks for holds the growth back
	 * @param clock the current time in nanoseconds, as {@link System#nanoTime()}
	 */
	ModelConcurrencies(int maxConcurrency, Duration maxHold, LongSupplier clock) {
		this.concurrencies = new ConcurrentLruCache<>(MAX_MODELS,
				(key) -> new ModelConcurrency(maxConcurrency, maxHold, FORGET_AFTER, clock));
	}

	/**
	 * Return the concurrency of an account on a model.
	 * @param apiKey the key of the account
	 * @param model the model's id
	 * @return its concurrency
	 */
	ModelConcurrency of(String apiKey, String model) {
		return this.concurrencies.get(new Key(apiKey, model));
	}

	/**
	 * An account and a model.
	 *
	 * @param apiKey the key of the account
	 * @param model the model's id
	 */
	private record Key(String apiKey, String model) {

		// not the record's default: the key must never be printed
		@Override
		public String toString() {
			return "Key[model=" + this.model + "]";
		}

	}

}
