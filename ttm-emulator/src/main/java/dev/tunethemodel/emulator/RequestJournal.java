package dev.tunethemodel.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest requests of the API, at most {@value #MAX_REQUESTS}: an emulator that runs
 * for long keeps the newest only.
 */
final class RequestJournal {

	static final int MAX_REQUESTS = 1000;

	private final Deque<EmulatorRequest> requests = new ArrayDeque<>();

	synchronized void record(EmulatorRequest request) {
		if (this.requests.size() == MAX_REQUESTS) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

	synchronized List<EmulatorRequest> all() {
		return List.copyOf(this.requests);
	}

	synchronized void clear() {
		this.requests.clear();
	}

}
