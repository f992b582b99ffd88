package dev.tunethemodel.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests that a flood of large requests, with or without the key, leaves the emulator
 * answering: a request without the key is refused before its body is read, and the
 * journal of requests stays within its bounds, in a heap smaller than the flood.
 */
@HostileSuite
class RequestFloodTests {

	private static final int REQUESTS = 1000;

	// 1,000 of them are about 250 MB, more than the heap of this suite
	private static final int BODY_BYTES = 250 * 1024;

	private static final int AT_ONCE = 8;

	private static final String PATH = "/v0/models/no-such-model/classify";

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String body = "{\"input\": \"" + "a".repeat(BODY_BYTES - 13) + "\"}";

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void keylessPostsOfLargeBodiesAreRefusedAndListedWithoutTheirBodies() throws Exception {
		assertThat(flood(null)).containsExactly(entry(401, REQUESTS));
		assertThat(this.emulator.requests()).hasSize(REQUESTS).containsOnly(new EmulatorRequest("POST", PATH, null));
		assertThat(send("emulator-key", "GET", "/v0/public-models", null)).isEqualTo(200);
	}

	@Test
	void keyedPostsOfLargeBodiesThatAreRefusedKeepTheJournalWithinItsBytes() throws Exception {
		assertThat(flood("emulator-key")).containsExactly(entry(404, REQUESTS));
		List<EmulatorRequest> requests = this.emulator.requests();
		assertThat(requests).isNotEmpty()
			.hasSizeLessThan(REQUESTS)
			.containsOnly(new EmulatorRequest("POST", PATH, this.body));
		assertThat(requests.stream()
			.mapToLong((request) -> 2L * (request.path().length() + request.body().length()))
			.sum()).isLessThanOrEqualTo(EmulatorLimits.MAX_RECORDED_BYTES);
		assertThat(send("emulator-key", "GET", "/v0/public-models", null)).isEqualTo(200);
	}

	@Test
	void keylessRequestIsRefusedBeforeItsBodyArrives() throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.emulator.port(),
				"POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + BODY_BYTES + "\r\n\r\n");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("Invalid API key");
	}

	private Map<Integer, Integer> flood(String key) {
		return Flux.range(0, REQUESTS)
			.flatMap((i) -> Mono.fromCallable(() -> send(key, "POST", PATH, this.body))
				.subscribeOn(Schedulers.boundedElastic()), AT_ONCE)
			.collect(Collectors.toMap(Function.identity(), (status) -> 1, Integer::sum))
			.block(Duration.ofMinutes(2));
	}

	private int send(String key, String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)
					: HttpRequest.BodyPublishers.noBody());
		if (key != null) {
			request.header("Authorization", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
