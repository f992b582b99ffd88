package dev.tunethemodel.emulator;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * The faults waiting for the next responses, in the order they were injected.
 */
final class Faults {

	private final Deque<Fault> pending = new ArrayDeque<>();

	synchronized void add(Fault fault) {
		this.pending.addLast(fault);
	}

	synchronized void clear() {
		this.pending.clear();
	}

	/**
	 * Take the fault of the next response, counting it.
	 * @return the fault, {@code null} for none
	 */
	synchronized @Nullable Fault next() {
		Fault fault = this.pending.pollFirst();
		if (fault != null && fault.count() > 1) {
			this.pending.addFirst(fault.times(fault.count() - 1));
		}
		return fault;
	}

}
