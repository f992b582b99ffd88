package dev.tunethemodel.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An inference API on loopback whose capacity is known, for the bulk benchmark: the model
 * id chooses how it responds. Model {@value #LIMITED} takes 20 ms a call and responds 429
 * with {@code Retry-After: 1} at once above 16 calls at once, 800 calls/s in all; models
 * {@value #LIMITED_LONG_WAIT}, {@value #LIMITED_5S} and {@value #LIMITED_10S} do the same
 * with {@code Retry-After: 2}, {@code 5} and {@code 10}, and model
 * {@value #LIMITED_CHUNKS} as {@value #LIMITED}, for calls of a few inputs after one
 * another; model {@value #UNLIMITED} takes 20 ms a call without limit; model
 * {@value #FAST} takes 1 ms a call without limit, and model {@value #FAST_REFUSING} too,
 * but responds 429 with {@code Retry-After: 2} to every 100,000th call, so that the
 * results of a bulk call wait in order for longer than its window takes to fill. Models
 * whose id starts with {@value #LIMITED_PREFIX} are each another {@value #LIMITED}, so
 * that each run of a benchmark starts on a model its client has not learned. {@code GET
 * /stub/{model}} reads and resets what a model counted.
 *
 * @since 0.1.0
 */
public final class BulkStub implements AutoCloseable {

	static final String LIMITED = "limited";

	static final String LIMITED_LONG_WAIT = "limited-2s";

	static final String LIMITED_5S = "limited-5s";

	static final String LIMITED_10S = "limited-10s";

	static final String LIMITED_CHUNKS = "limited-chunks";

	static final String LIMITED_PREFIX = "limited-for-";

	static final String UNLIMITED = "unlimited";

	static final String FAST = "fast";

	static final String FAST_REFUSING = "fast-refusing";

	// ten waits in a million calls
	private static final int REFUSE_EVERY = 100_000;

	static final int CAPACITY = 16;

	static final Duration LATENCY = Duration.ofMillis(20);

	private static final byte[] CLASSIFICATION = "{\"answer\": {\"scores\": [0.1, 0.9]}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] TOO_MANY_REQUESTS = "{\"error\": \"too many requests\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final Map<String, Model> models = new ConcurrentHashMap<>(Map.of(LIMITED, new Model(CAPACITY, LATENCY, "1"),
			LIMITED_LONG_WAIT, new Model(CAPACITY, LATENCY, "2"), LIMITED_5S, new Model(CAPACITY, LATENCY, "5"),
			LIMITED_10S, new Model(CAPACITY, LATENCY, "10"), LIMITED_CHUNKS, new Model(CAPACITY, LATENCY, "1"),
			UNLIMITED, new Model(Integer.MAX_VALUE, LATENCY, "1"), FAST,
			new Model(Integer.MAX_VALUE, Duration.ofMillis(1), "1"), FAST_REFUSING,
			new Model(Integer.MAX_VALUE, Duration.ofMillis(1), "2", REFUSE_EVERY)));

	private final LoopResources loops = LoopResources.create("stub", 1, true);

	private final DisposableServer server;

	BulkStub() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes
				.post("/v0/models/{model}/classify",
						(request, response) -> request.receive()
							.then()
							.then(Mono.defer(() -> model(request.param("model")).respond(response))))
				.get("/stub/{model}",
						(request, response) -> response
							.sendString(Mono.fromSupplier(() -> model(request.param("model")).take()))))
			.bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	private Model model(String id) {
		Model model = id.startsWith(LIMITED_PREFIX)
				? this.models.computeIfAbsent(id, (limited) -> new Model(CAPACITY, LATENCY, "1")) : this.models.get(id);
		if (model == null) {
			throw new IllegalArgumentException("No model " + id);
		}
		return model;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

	/**
	 * Serve in a process of its own, so that its work and garbage stay out of the
	 * measured process; prints its base URL, then serves until its input closes.
	 * @param args none
	 * @throws java.io.IOException if its input cannot be read
	 */
	public static void main(String[] args) throws java.io.IOException {
		try (BulkStub stub = new BulkStub()) {
			System.out.println(stub.baseUrl());
			System.out.flush();
			System.in.read();
		}
	}

	/**
	 * How one model responds, and what it counted: calls accepted and refused, and the
	 * maximum number of calls at once, accepted ones only and refused ones included.
	 */
	private static final class Model {

		private final int capacity;

		private final Duration latency;

		private final String retryAfter;

		private final int refuseEvery;

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger active = new AtomicInteger();

		private final AtomicInteger mostActive = new AtomicInteger();

		private final AtomicInteger mostArrived = new AtomicInteger();

		private final AtomicInteger accepted = new AtomicInteger();

		private final AtomicInteger rejected = new AtomicInteger();

		Model(int capacity, Duration latency, String retryAfter) {
			this(capacity, latency, retryAfter, Integer.MAX_VALUE);
		}

		Model(int capacity, Duration latency, String retryAfter, int refuseEvery) {
			this.capacity = capacity;
			this.latency = latency;
			this.retryAfter = retryAfter;
			this.refuseEvery = refuseEvery;
		}

		Mono<Void> respond(HttpServerResponse response) {
			int now = this.active.incrementAndGet();
			this.mostArrived.accumulateAndGet(now, Math::max);
			if (now > this.capacity || this.calls.incrementAndGet() % this.refuseEvery == 0) {
				this.active.decrementAndGet();
				this.rejected.incrementAndGet();
				return json(
						response.status(HttpResponseStatus.TOO_MANY_REQUESTS).header("Retry-After", this.retryAfter),
						TOO_MANY_REQUESTS);
			}
			this.mostActive.accumulateAndGet(now, Math::max);
			this.accepted.incrementAndGet();
			// before the response is sent, or the client could start its next call first
			return Mono.delay(this.latency)
				.doOnTerminate(this.active::decrementAndGet)
				.doOnCancel(this.active::decrementAndGet)
				.then(json(response, CLASSIFICATION));
		}

		// the fields of BulkBenchmark.StubCounts, in order
		String take() {
			return this.accepted.getAndSet(0) + " " + this.rejected.getAndSet(0) + " " + this.mostActive.getAndSet(0)
					+ " " + this.mostArrived.getAndSet(0) + " " + system.getProcessCpuTime();
		}

		private static Mono<Void> json(HttpServerResponse response, byte[] body) {
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
				.sendByteArray(Mono.just(body))
				.then();
		}

	}

}
