package dev.tunethemodel.emulator;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The requests the tests of the emulator's life cycle make: create a model and a file,
 * count them, and read the models while faults may be pending.
 */
final class EmulatorRequests {

	private final WebTestClient client;

	EmulatorRequests(TuneTheModelEmulator emulator) {
		this.client = WebTestClient.bindToServer()
			.baseUrl(emulator.baseUrl())
			.defaultHeader("Authorization", emulator.apiKey())
			.build();
	}

	void createModelAndFile() {
		post("/v0/models", "{\"model_type\": \"generator\", \"name\": \"poet\"}");
		post("/v0/files", "{\"name\": \"train\", \"task_type\": \"generator\"}");
	}

	int modelCount() {
		return count("/v0/models", "models");
	}

	int fileCount() {
		return count("/v0/files", "files");
	}

	int listModelsStatus() {
		return this.client.get().uri("/v0/models").exchange().returnResult(String.class).getStatus().value();
	}

	private void post(String path, String body) {
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private int count(String path, String field) {
		Map<?, ?> answer = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((List<?>) answer.get(field)).size();
	}

}
