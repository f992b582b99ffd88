package dev.tunethemodel.emulator;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that an upload whose signature is missing, altered, another file's, or of a file
 * deleted since is refused before its body is read, and stores nothing.
 */
@HostileSuite
class UploadSignaturesTests {

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.builder()
		.apiKey("emulator-key")
		.processingTime(Duration.ZERO)
		.start();

	private final WebTestClient client = WebTestClient.bindToServer()
		.baseUrl(this.emulator.baseUrl())
		.defaultHeader("Authorization", "emulator-key")
		.build();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void uploadWithoutASignatureIsRefused() throws IOException {
		Map<?, ?> file = NewFiles.classifierFile(this.client);
		assertRefused(URI.create(uploadUrl(file)).getRawPath());
		assertThat(ApiStatus.file(this.client, id(file))).isEqualTo("filecreated");
	}

	@Test
	void uploadWithAnEmptyOrAlteredSignatureIsRefused() throws IOException {
		Map<?, ?> file = NewFiles.classifierFile(this.client);
		String url = uploadUrl(file);
		String path = URI.create(url).getRawPath();
		String signature = URI.create(url).getRawQuery().substring("signature=".length());
		assertRefused(path + "?signature=");
		assertRefused(path + "?signature=" + signature.substring(0, signature.length() - 1)
				+ ((signature.charAt(signature.length() - 1) == '0') ? '1' : '0'));
		assertRefused(path + "?signature=" + signature + "0");
		assertRefused(path + "?signature=forged&signature=" + signature);
		assertThat(ApiStatus.file(this.client, id(file))).isEqualTo("filecreated");
	}

	@Test
	void uploadWithTheSignatureOfAnotherFileIsRefused() throws IOException {
		Map<?, ?> target = NewFiles.classifierFile(this.client);
		Map<?, ?> other = NewFiles.classifierFile(this.client);
		assertRefused(URI.create(uploadUrl(target)).getRawPath() + "?" + URI.create(uploadUrl(other)).getRawQuery());
		assertThat(ApiStatus.file(this.client, id(target))).isEqualTo("filecreated");
		assertThat(ApiStatus.file(this.client, id(other))).isEqualTo("filecreated");
	}

	@Test
	void uploadReplayedAfterTheFileIsDeletedIsRefused() throws IOException {
		Map<?, ?> file = NewFiles.classifierFile(this.client);
		URI url = URI.create(uploadUrl(file));
		WebTestClient.bindToServer()
			.build()
			.put()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SentimentDataset.asJson())
			.exchange()
			.expectStatus()
			.isOk();
		this.client.delete()
			.uri("/v0/files/{id}/delete", id(file))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertRefused(url.getRawPath() + "?" + url.getRawQuery());
		Map<?, ?> files = this.client.get()
			.uri("/v0/files")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) files.get("files")).isEmpty();
	}

	// a body larger than the heap announced, none sent: an answer proves it unread
	private void assertRefused(String target) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.emulator.port(),
				"PUT " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 268435456\r\n\r\n");
		assertThat(response.status()).as(target).isEqualTo(403);
		assertThat(response.body()).isEqualTo("The request signature does not match");
	}

	private static String uploadUrl(Map<?, ?> file) {
		return (String) file.get("upload_url");
	}

	private static String id(Map<?, ?> file) {
		return (String) file.get("file_id");
	}

}
