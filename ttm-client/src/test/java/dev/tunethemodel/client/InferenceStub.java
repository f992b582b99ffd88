package dev.tunethemodel.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An inference API on loopback whose capacity is known: each classification takes a given
 * time and echoes its input as the first score, followed by zeros; above a number of
 * calls at once it answers 429. It counts the requests, what it accepted and refused, and
 * the most calls it ever had at once, accepted ones only and refused ones included (as
 * long as a refusal takes, none by default).
 */
final class InferenceStub implements AutoCloseable {

	private static final Pattern INPUT = Pattern.compile("\"input\"\\s*:\\s*\"([^\"]*)\"");

	private final int capacity;

	private final Function<String, Duration> latency;

	private final String retryAfter;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger mostActive = new AtomicInteger();

	private final AtomicInteger arrived = new AtomicInteger();

	private final AtomicInteger mostArrived = new AtomicInteger();

	private volatile Duration refusalLatency = Duration.ZERO;

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final DisposableServer server;

	private volatile Function<String, HttpResponseStatus> statuses = (input) -> HttpResponseStatus.OK;

	private volatile @Nullable String statusRetryAfter;

	private volatile ToIntFunction<String> numScores = (input) -> 2;

	/**
	 * Start a stub.
	 * @param capacity the most calls at once it accepts
	 * @param latency how long the call of an input takes
	 * @param retryAfter the {@code Retry-After} of a 429, in seconds
	 */
	InferenceStub(int capacity, Function<String, Duration> latency, String retryAfter) {
		this.capacity = capacity;
		this.latency = latency;
		this.retryAfter = retryAfter;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v0/models/{model}/classify",
					(request, response) -> request.receive()
						.aggregate()
						.asString()
						.flatMap((body) -> answer(input(body), response))
						.then()))
			.bindNow();
	}

	InferenceStub answering(Function<String, HttpResponseStatus> statuses) {
		return answering(statuses, null);
	}

	/**
	 * Answer each input with the status the function gives, before its capacity counts.
	 * @param statuses the status of an input, {@code OK} to answer it as usual
	 * @param retryAfter the {@code Retry-After} of the other statuses, {@code null} for
	 * none
	 * @return this stub
	 */
	InferenceStub answering(Function<String, HttpResponseStatus> statuses, @Nullable String retryAfter) {
		this.statusRetryAfter = retryAfter;
		this.statuses = statuses;
		return this;
	}

	/**
	 * Answer each input with as many scores as the function gives, 2 by default.
	 * @param numScores the number of scores of an input
	 * @return this stub
	 */
	InferenceStub scoring(ToIntFunction<String> numScores) {
		this.numScores = numScores;
		return this;
	}

	/**
	 * Take as long to answer a 429 as the given time, so that refused calls count among
	 * those at once as long as the client has them in flight.
	 * @param refusalLatency how long a refusal takes
	 * @return this stub
	 */
	InferenceStub refusingAfter(Duration refusalLatency) {
		this.refusalLatency = refusalLatency;
		return this;
	}

	TuneTheModelTemplate.Builder client() {
		return TuneTheModelTemplate.builder().baseUrl("http://127.0.0.1:" + this.server.port()).apiKey("stub-key");
	}

	int active() {
		return this.active.get();
	}

	int mostActive() {
		return this.mostActive.get();
	}

	int mostArrived() {
		return this.mostArrived.get();
	}

	/**
	 * Start counting again: requests, calls accepted and refused, and the most at once.
	 */
	void resetCounts() {
		this.requests.set(0);
		this.accepted.set(0);
		this.rejected.set(0);
		this.mostActive.set(0);
		this.mostArrived.set(0);
	}

	int accepted() {
		return this.accepted.get();
	}

	int rejected() {
		return this.rejected.get();
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Mono<Void> answer(String input, HttpServerResponse response) {
		this.requests.incrementAndGet();
		HttpResponseStatus status = this.statuses.apply(input);
		if (status != HttpResponseStatus.OK) {
			String retryAfter = this.statusRetryAfter;
			if (retryAfter != null) {
				response.header("Retry-After", retryAfter);
			}
			return response.status(status).sendByteArray(Mono.just(json("{\"error\": \"" + status + "\"}"))).then();
		}
		this.mostArrived.accumulateAndGet(this.arrived.incrementAndGet(), Math::max);
		int now = this.active.incrementAndGet();
		if (now > this.capacity) {
			this.active.decrementAndGet();
			this.rejected.incrementAndGet();
			return Mono.delay(this.refusalLatency)
				.then(response.status(HttpResponseStatus.TOO_MANY_REQUESTS)
					.header("Retry-After", this.retryAfter)
					.sendByteArray(Mono.just(json("{\"error\": \"too many requests\"}")))
					.then())
				.doFinally((signal) -> this.arrived.decrementAndGet());
		}
		this.mostActive.accumulateAndGet(now, Math::max);
		this.accepted.incrementAndGet();
		// counted down before the answer is sent, once: a cancel may race the end
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				this.active.decrementAndGet();
				this.arrived.decrementAndGet();
			}
		};
		String scores = input + ", 0".repeat(Math.max(0, this.numScores.applyAsInt(input) - 1));
		return Mono.delay(this.latency.apply(input))
			.doOnTerminate(end)
			.doOnCancel(end)
			.then(response.header("Content-Type", "application/json")
				.sendByteArray(Mono.just(json("{\"answer\": {\"scores\": [" + scores + "]}}")))
				.then());
	}

	// wrapped, not allocated: an answer cut off by a cancel leaves no buffer to release
	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String input(String body) {
		Matcher matcher = INPUT.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

}
