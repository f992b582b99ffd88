package dev.tunethemodel.emulator;

import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reads the status of a model or a file from the emulator, for tests.
 */
final class ApiStatus {

	private ApiStatus() {
	}

	static String file(WebTestClient client, String id) {
		return status(client, "/v0/files/{id}/status", id);
	}

	static String model(WebTestClient client, String id) {
		return status(client, "/v0/models/{id}/status", id);
	}

	private static String status(WebTestClient client, String uri, String id) {
		return (String) client.get()
			.uri(uri, id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("status");
	}

}
