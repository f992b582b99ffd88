package dev.tunethemodel.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A Reactor Netty server on loopback that responds as the API would, from bytes prepared
 * once, on event-loop threads of its own ({@code stub-*}), so that benchmarks can leave
 * its work out.
 *
 * @since 0.1.0
 */
public final class StubServer implements AutoCloseable {

	static final String MODEL = """
			{"status": "Ready", "model_name": "9323f9dbc976ea5dc6c8272eb90742f9", "model_type": "classifier",
			"model_params": {"num_classes": 3}, "user_name": "cyberbullying_tweets",
			"last_updated_time": "2022-05-07 20:58:10.878585"}""";

	private static final byte[] MODEL_BYTES = MODEL.getBytes(StandardCharsets.UTF_8);

	private static final byte[] CLASSIFICATION = "{\"answer\": {\"scores\": [0.83, 0.06, 0.11]}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] MODEL_LIST = ("{\"models\": [" + (MODEL + ",").repeat(9) + MODEL + "]}")
		.getBytes(StandardCharsets.UTF_8);

	private final LoopResources loops = LoopResources.create("stub", 1, true);

	private final DisposableServer server;

	private final AtomicLong uploadedBytes = new AtomicLong();

	StubServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.get("/v0/models/{id}/status", (request, response) -> json(response, MODEL_BYTES))
				.post("/v0/models/{id}/classify",
						(request, response) -> request.receive().then().then(json(response, CLASSIFICATION).then()))
				.get("/v0/models", (request, response) -> json(response, MODEL_LIST))
				.put("/upload",
						(request, response) -> request.receive()
							.doOnNext((buffer) -> this.uploadedBytes.addAndGet(buffer.readableBytes()))
							.then(response.status(200).send().then())))
			.bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	long uploadedBytes() {
		return this.uploadedBytes.get();
	}

	private static Mono<Void> json(HttpServerResponse response, byte[] body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
			.sendByteArray(Mono.just(body))
			.then();
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
		try (StubServer server = new StubServer()) {
			System.out.println(server.baseUrl());
			System.out.flush();
			System.in.read();
		}
	}

}
