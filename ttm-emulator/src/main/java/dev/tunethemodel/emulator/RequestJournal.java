package dev.tunethemodel.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest requests of the API, within a number of requests and a number of bytes of
 * their paths and bodies: an emulator that runs for long, or is flooded with large
 * bodies, keeps the newest only.
 */
final class RequestJournal {

	private final int maxRequests;

	private final long maxBytes;

	private final Deque<EmulatorRequest> requests = new ArrayDeque<>();

	private long bytes;

	/**
	 * Create a journal within {@link EmulatorLimits#MAX_RECORDED_REQUESTS} and
	 * {@link EmulatorLimits#MAX_RECORDED_BYTES}.
	 */
	RequestJournal() {
		this(EmulatorLimits.MAX_RECORDED_REQUESTS, EmulatorLimits.MAX_RECORDED_BYTES);
	}

	RequestJournal(int maxRequests, long maxBytes) {
		this.maxRequests = maxRequests;
		this.maxBytes = maxBytes;
	}

	// always keeps the newest: a body, 256 KiB at most, is far below the bytes held
	synchronized void record(EmulatorRequest request) {
		long size = sizeOf(request);
		while (!this.requests.isEmpty()
				&& (this.requests.size() >= this.maxRequests || this.bytes + size > this.maxBytes)) {
			this.bytes -= sizeOf(this.requests.removeFirst());
		}
		this.requests.addLast(request);
		this.bytes += size;
	}

	synchronized List<EmulatorRequest> all() {
		return List.copyOf(this.requests);
	}

	synchronized void clear() {
		this.requests.clear();
		this.bytes = 0;
	}

	// two bytes a character, the maximum a Java string takes
	private static long sizeOf(EmulatorRequest request) {
		String body = request.body();
		return 2L * (request.path().length() + ((body != null) ? body.length() : 0));
	}

}
