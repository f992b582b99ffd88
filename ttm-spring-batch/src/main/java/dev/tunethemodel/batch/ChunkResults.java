package dev.tunethemodel.batch;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The results of one chunk's items, by item identity, so that a write of the same items
 * again, such as a fault-tolerant step's scan, is answered without a second call.
 *
 * @param <T> the type of the items
 * @param <R> the type of their results
 */
final class ChunkResults<T, R> {

	private final Set<T> items = Collections.newSetFromMap(new IdentityHashMap<>());

	private final Map<T, R> results = new IdentityHashMap<>();

	ChunkResults(List<? extends T> items) {
		this.items.addAll(items);
	}

	/**
	 * Whether every item given is one of this chunk's.
	 * @param items the items of a write
	 * @return whether the write is of this chunk's items only
	 */
	boolean holdsAll(List<? extends T> items) {
		return this.items.containsAll(items);
	}

	synchronized @Nullable R get(T item) {
		return this.results.get(item);
	}

	synchronized void put(T item, R result) {
		this.results.put(item, result);
	}

}
