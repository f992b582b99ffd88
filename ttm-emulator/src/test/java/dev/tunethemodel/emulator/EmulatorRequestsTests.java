package dev.tunethemodel.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelEmulator#requests()}: what the API received, for a test to
 * check what its application sent.
 */
class EmulatorRequestsTests {

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.start();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void listsEachRequestWithItsBodyInOrder() throws Exception {
		String body = "{\"model_name\": \"sentiment\", \"model_type\": \"classifier\", \"model_params\": {\"num_classes\": 2}}";
		assertThat(send("POST", "/v0/models", body)).isEqualTo(200);
		assertThat(send("GET", "/v0/models", null)).isEqualTo(200);
		assertThat(this.emulator.requests()).containsExactly(new EmulatorRequest("POST", "/v0/models", body),
				new EmulatorRequest("GET", "/v0/models", null));
	}

	@Test
	void refusedRequestsAreListedTooAndTheFaultSwitchIsNot() throws Exception {
		String body = "{\"model_name\": \"x\", \"model_type\": \"classifier\", \"model_params\": {\"num_classes\": \"abc\"}}";
		assertThat(send("POST", "/v0/models", body)).isEqualTo(400);
		assertThat(send("POST", "/__emulator/faults", "{\"status\": 503}")).isEqualTo(200);
		assertThat(this.emulator.requests()).extracting(EmulatorRequest::path).containsExactly("/v0/models");
	}

	@Test
	void requestsRefusedForTheirKeyAreListedWithoutTheirBody() throws Exception {
		String body = "{\"model_type\": \"classifier\"}";
		assertThat(send("POST", "/v0/models", body, "wrong-key")).isEqualTo(401);
		assertThat(send("GET", "/v0/files", null, null)).isEqualTo(401);
		assertThat(this.emulator.requests()).containsExactly(new EmulatorRequest("POST", "/v0/models", null),
				new EmulatorRequest("GET", "/v0/files", null));
	}

	@Test
	void requestsAnsweredByAnInjectedFaultAreListedWithTheirBodyInOrder() throws Exception {
		String body = "{\"model_name\": \"sentiment\", \"model_type\": \"classifier\", \"model_params\": {\"num_classes\": 2}}";
		this.emulator.inject(Fault.status(503).withRetryAfter(Duration.ofSeconds(1)));
		assertThat(send("POST", "/v0/models", body)).isEqualTo(503);
		assertThat(send("GET", "/v0/models", null)).isEqualTo(200);
		assertThat(this.emulator.requests()).containsExactly(new EmulatorRequest("POST", "/v0/models", body),
				new EmulatorRequest("GET", "/v0/models", null));
	}

	@Test
	void requestsAnsweredByFaultsAfterADelayAreListedBetweenTheOthers() throws Exception {
		assertThat(send("GET", "/v0/files", null)).isEqualTo(200);
		this.emulator.inject(Fault.status(429).times(2).withDelay(Duration.ofMillis(50)));
		assertThat(send("GET", "/v0/models/m-1/status", null)).isEqualTo(429);
		assertThat(send("DELETE", "/v0/models/m-1/delete", null)).isEqualTo(429);
		assertThat(send("GET", "/v0/models/m-1/status", null)).isEqualTo(404);
		assertThat(this.emulator.requests()).containsExactly(new EmulatorRequest("GET", "/v0/files", null),
				new EmulatorRequest("GET", "/v0/models/m-1/status", null),
				new EmulatorRequest("DELETE", "/v0/models/m-1/delete", null),
				new EmulatorRequest("GET", "/v0/models/m-1/status", null));
	}

	@Test
	void resetForgetsTheRequests() throws Exception {
		send("GET", "/v0/files", null);
		this.emulator.reset();
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void onlyTheLatestRequestsAreKept() throws Exception {
		for (int i = 0; i <= EmulatorLimits.MAX_RECORDED_REQUESTS; i++) {
			send("GET", "/v0/models/m-" + i + "/status", null);
		}
		assertThat(this.emulator.requests()).hasSize(EmulatorLimits.MAX_RECORDED_REQUESTS)
			.first()
			.isEqualTo(new EmulatorRequest("GET", "/v0/models/m-1/status", null));
	}

	private int send(String method, String path, String body) throws IOException, InterruptedException {
		return send(method, path, body, this.emulator.apiKey());
	}

	private int send(String method, String path, String body, String key) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (key != null) {
			request.header("Authorization", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
