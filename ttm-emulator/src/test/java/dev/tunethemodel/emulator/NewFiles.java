package dev.tunethemodel.emulator;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates dataset files on the emulator through its API, for tests of what is done with
 * them.
 */
final class NewFiles {

	private NewFiles() {
	}

	/**
	 * Create a classifier's dataset file named {@code train}.
	 * @param client a client of the emulator, with its key
	 * @return the file as the API answers it, with its {@code file_id} and
	 * {@code upload_url}
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> classifierFile(WebTestClient client) {
		return client.post()
			.uri("/v0/files")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"train\", \"task_type\": \"classifier\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
