package dev.tunethemodel.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * An inference API on loopback that answers each input by its text: a classification
 * whose first score is the input, a number, and a generation that repeats the input after
 * {@code "about "}. It refuses the inputs it is told to for good with a 400 that echoes
 * the API key, refuses the first requests it is told to with a 429, leaves the inputs it
 * is told to unanswered, takes as long as it is told to answer, and counts the requests
 * of each input, also those of other processes, and the most it answered at once.
 */
final class ScoringStub implements AutoCloseable {

	static final String API_KEY = "stub-key-3f9a1c77d2e84b6a";

	private static final Pattern INPUT = Pattern.compile("\"input\"\\s*:\\s*\"([^\"]*)\"");

	private final Map<String, AtomicInteger> requestsByInput = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger rateLimited = new AtomicInteger();

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger mostActive = new AtomicInteger();

	private final DisposableServer server;

	private volatile Predicate<String> refused = (input) -> false;

	private volatile Predicate<String> held = (input) -> false;

	private volatile int rateLimitedRequests;

	private volatile Duration latency = Duration.ZERO;

	ScoringStub() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/v0/models/{model}/classify",
						(request, response) -> request.receive()
							.aggregate()
							.asString()
							.flatMap((body) -> answer(input(body), "{\"answer\": {\"scores\": [%s, 0]}}", response)))
				.post("/v0/models/{model}/generate",
						(request, response) -> request.receive()
							.aggregate()
							.asString()
							.flatMap((body) -> answer(input(body),
									"{\"answer\": {\"responses\": [{\"response\": \"about %s\"}]}}", response))))
			.bindNow();
	}

	/**
	 * Refuse the inputs the predicate accepts with a 400, every time.
	 * @param refused which inputs to refuse
	 * @return this stub
	 */
	ScoringStub refusing(Predicate<String> refused) {
		this.refused = refused;
		return this;
	}

	/**
	 * Answer the inputs the predicate accepts never, until told otherwise.
	 * @param held which inputs to hold
	 * @return this stub
	 */
	ScoringStub holding(Predicate<String> held) {
		this.held = held;
		return this;
	}

	/**
	 * Answer the first requests with a 429 and a {@code Retry-After} of one second.
	 * @param requests how many requests to answer so
	 * @return this stub
	 */
	ScoringStub rateLimitingFirst(int requests) {
		this.rateLimitedRequests = requests;
		return this;
	}

	ScoringStub answeringAfter(Duration latency) {
		this.latency = latency;
		return this;
	}

	TuneTheModelTemplate client() {
		return clientBuilder().build();
	}

	TuneTheModelTemplate.Builder clientBuilder() {
		return clientBuilder(this.server.port());
	}

	/**
	 * A client of the stub listening on a port, also in another process.
	 * @param port the stub's port
	 * @return the client
	 */
	static TuneTheModelTemplate client(int port) {
		return clientBuilder(port).build();
	}

	private static TuneTheModelTemplate.Builder clientBuilder(int port) {
		return TuneTheModelTemplate.builder().baseUrl("http://127.0.0.1:" + port).apiKey(API_KEY);
	}

	int port() {
		return this.server.port();
	}

	int requests() {
		return this.requests.get();
	}

	int requests(String input) {
		AtomicInteger count = this.requestsByInput.get(input);
		return (count != null) ? count.get() : 0;
	}

	int rateLimited() {
		return this.rateLimited.get();
	}

	int mostActive() {
		return this.mostActive.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Mono<Void> answer(String input, String answer, HttpServerResponse response) {
		this.requestsByInput.computeIfAbsent(input, (key) -> new AtomicInteger()).incrementAndGet();
		boolean rateLimited = this.requests.incrementAndGet() <= this.rateLimitedRequests;
		if (this.held.test(input)) {
			return Mono.never();
		}
		this.mostActive.accumulateAndGet(this.active.incrementAndGet(), Math::max);
		// a call ends before its response is sent, as the client sends its next call once
		// it
		// reads the response
		return Mono.delay(this.latency).doOnCancel(this.active::decrementAndGet).then(Mono.defer(() -> {
			this.active.decrementAndGet();
			return respond(input, answer, rateLimited, response);
		}));
	}

	private Mono<Void> respond(String input, String answer, boolean rateLimited, HttpServerResponse response) {
		if (rateLimited) {
			this.rateLimited.incrementAndGet();
			return response.status(HttpResponseStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "1")
				.sendByteArray(Mono.just(bytes("{\"error\": \"too many requests\"}")))
				.then();
		}
		if (this.refused.test(input)) {
			return response.status(HttpResponseStatus.BAD_REQUEST)
				.sendByteArray(Mono.just(bytes("{\"error\": \"cannot score this with key " + API_KEY + "\"}")))
				.then();
		}
		return response.header("Content-Type", "application/json")
			.sendByteArray(Mono.just(bytes(answer.formatted(input))))
			.then();
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String input(String body) {
		Matcher matcher = INPUT.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

}
