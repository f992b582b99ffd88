package dev.tunethemodel.client;

import java.net.URI;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the dataset file endpoints of {@link TuneTheModelTemplate}.
 */
class TuneTheModelTemplateFileTests extends WireMockTemplateTests {

	@Test
	void createFileSendsNameAndTaskTypeAndReturnsTheUploadUrl() {
		wireMock.stubFor(post("/v0/files").willReturn(okJson("""
				{"file_id": "f_1", "name": "train", "status": "filecreated", "task_type": "classifier",
				"upload_url": "https://bucket.s3.example.com/f_1?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=900"}
				""")));
		StepVerifier.create(this.template.createFile("train", ModelType.CLASSIFIER)).assertNext((file) -> {
			assertThat(file.id()).isEqualTo("f_1");
			assertThat(file.name()).isEqualTo("train");
			assertThat(file.taskType()).isEqualTo(ModelType.CLASSIFIER);
			assertThat(file.status()).isEqualTo(FileStatus.CREATED);
			assertThat(file.rawStatus()).isEqualTo("filecreated");
			assertThat(file.uploadUrl())
				.isEqualTo(URI.create("https://bucket.s3.example.com/f_1?X-Amz-Signature=abc%2Fdef&X-Amz-Expires=900"));
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/files")).withHeader("Authorization", equalTo(API_KEY))
			.withRequestBody(equalToJson("{\"name\": \"train\", \"task_type\": \"classifier\"}")));
	}

	@Test
	void createFileForAGeneratorSendsItsTaskType() {
		wireMock.stubFor(post("/v0/files").willReturn(okJson("""
				{"file_id": "f_2", "name": "val", "status": "FileCreated", "task_type": "generator"}
				""")));
		StepVerifier.create(this.template.createFile("val", ModelType.GENERATOR)).assertNext((file) -> {
			assertThat(file.taskType()).isEqualTo(ModelType.GENERATOR);
			assertThat(file.status()).isEqualTo(FileStatus.CREATED);
			assertThat(file.uploadUrl()).isNull();
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/files"))
			.withRequestBody(equalToJson("{\"name\": \"val\", \"task_type\": \"generator\"}")));
	}

	@Test
	void listFilesReadsEveryFileAndStatus() {
		wireMock.stubFor(get("/v0/files").willReturn(okJson("""
				{"files": [
				 {"file_id": "f_1", "name": "a", "status": "fileinqueue", "task_type": "classifier"},
				 {"file_id": "f_2", "name": "b", "status": "FileLoading", "task_type": "classifier"},
				 {"file_id": "f_3", "name": "c", "status": "fileloaded", "task_type": "generator"},
				 {"file_id": "f_4", "name": "d", "status": "fileready", "task_type": "generator"},
				 {"file_id": "f_5", "name": "e", "status": "FILEFAILED", "task_type": "generator"},
				 {"file_id": "f_6", "name": "f", "status": "filequarantined", "task_type": "generator"}
				]}
				""")));
		StepVerifier.create(this.template.listFiles().map(DatasetFile::status))
			.expectNext(FileStatus.IN_QUEUE, FileStatus.LOADING, FileStatus.LOADED, FileStatus.READY, FileStatus.FAILED,
					FileStatus.UNKNOWN)
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/files")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void getFileReadsTheStatusEndpointOfTheFile() {
		wireMock.stubFor(get("/v0/files/f_1/status").willReturn(okJson("""
				{"file_id": "f_1", "name": "train", "status": "fileready", "task_type": "classifier"}
				""")));
		StepVerifier.create(this.template.getFile("f_1"))
			.assertNext((file) -> assertThat(file.status()).isEqualTo(FileStatus.READY))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock
			.verify(getRequestedFor(urlEqualTo("/v0/files/f_1/status")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void deleteFileSendsDeleteToTheDeleteEndpoint() {
		wireMock.stubFor(delete("/v0/files/f_1/delete").willReturn(okJson("""
				{"file_id": "f_1", "name": "train", "status": "fileready", "task_type": "classifier"}
				""")));
		StepVerifier.create(this.template.deleteFile("f_1"))
			.assertNext((file) -> assertThat(file.id()).isEqualTo("f_1"))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(
				deleteRequestedFor(urlEqualTo("/v0/files/f_1/delete")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void datasetFileToStringHidesTheSignatureOfTheUploadUrl() {
		DatasetFile file = new DatasetFile("f_1", "train", ModelType.CLASSIFIER, FileStatus.CREATED, "filecreated",
				URI.create("https://bucket.example.com/f_1?X-Amz-Signature=s3cr3t"));
		assertThat(file.toString()).contains("https://bucket.example.com/f_1").doesNotContain("s3cr3t");
	}

}
