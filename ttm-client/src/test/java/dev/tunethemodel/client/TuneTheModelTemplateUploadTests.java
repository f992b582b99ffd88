package dev.tunethemodel.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingExample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link TuneTheModelTemplate#upload}.
 */
class TuneTheModelTemplateUploadTests extends WireMockTemplateTests {

	private static final String UPLOAD_PATH = "/bucket/f_1";

	private static final String SIGNED_QUERY = "?X-Amz-Signature=abc%2Fdef%3D&X-Amz-Expires=900";

	@TempDir
	Path spoolDirectory;

	@BeforeEach
	void spoolToTheTemporaryDirectory() {
		this.template = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.temporaryDirectory(this.spoolDirectory)
			.build();
		wireMock.stubFor(put(urlPathEqualTo(UPLOAD_PATH)).willReturn(ok()));
	}

	@Test
	void classifierDatasetIsSentAsInputsAndClassesWithoutKey() throws IOException {
		Flux<ClassifierExample> examples = Flux.concat(
				Flux.just(new ClassifierExample("good", 1), new ClassifierExample("bad", 0),
						new ClassifierExample("«ünïcødé» \"quoted\"\n", 2)),
				Flux.range(3, 29).map((i) -> new ClassifierExample("text " + i, i % 3)));
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), examples))
			.expectComplete()
			.verify(TIMEOUT);
		LoggedRequest request = onlyUpload();
		StringBuilder expected = new StringBuilder("{\"inputs\":[\"good\",\"bad\",\"«ünïcødé» \\\"quoted\\\"\\n\"");
		for (int i = 3; i < 32; i++) {
			expected.append(",\"text ").append(i).append('"');
		}
		expected.append("],\"classes\":[1,0,2");
		for (int i = 3; i < 32; i++) {
			expected.append(',').append(i % 3);
		}
		assertThat(request.getBodyAsString()).isEqualTo(expected.append("]}").toString());
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader("User-Agent")).isEqualTo(TuneTheModelTemplate.USER_AGENT);
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void generatorDatasetIsSentAsInputsAndOutputs() throws IOException {
		Flux<GeneratorExample> examples = Flux.range(0, 32)
			.map((i) -> new GeneratorExample(i + " + " + i + " =", "" + (i + i)));
		StepVerifier.create(this.template.upload(file(ModelType.GENERATOR), examples)).expectComplete().verify(TIMEOUT);
		LoggedRequest request = onlyUpload();
		assertThat(request.getBodyAsString()).startsWith("{\"inputs\":[\"0 + 0 =\",\"1 + 1 =\",")
			.contains("\"31 + 31 =\"],\"outputs\":[\"0\",\"2\",")
			.endsWith(",\"62\"]}");
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void datasetWithFewerThanThirtyTwoExamplesIsRefusedBeforeAnythingIsSent() throws IOException {
		StepVerifier.create(this.template.upload(file(ModelType.GENERATOR), generatorExamples(31)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDatasetException.class)
				.hasMessage("The dataset of file f_1 has 31 examples, but the API needs at least 32"))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void preSignedUrlIsSentAsGiven() {
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), classifierExamples(32)))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(1, putRequestedFor(urlEqualTo(UPLOAD_PATH + SIGNED_QUERY)));
	}

	@Test
	void hundredThousandExamplesAreSentExactlyWithContentLengthAndNotChunked() throws IOException {
		int count = 100_000;
		Flux<GeneratorExample> examples = Flux.range(0, count)
			.map((i) -> new GeneratorExample("input number " + i, "output " + (i * 7)));
		StepVerifier.create(this.template.upload(file(ModelType.GENERATOR), examples))
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		StringBuilder expected = new StringBuilder("{\"inputs\":[");
		for (int i = 0; i < count; i++) {
			expected.append((i > 0) ? "," : "").append("\"input number ").append(i).append('"');
		}
		expected.append("],\"outputs\":[");
		for (int i = 0; i < count; i++) {
			expected.append((i > 0) ? "," : "").append("\"output ").append(i * 7).append('"');
		}
		expected.append("]}");
		LoggedRequest request = onlyUpload();
		byte[] body = request.getBody();
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
		assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
		assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void failedUploadBecomesTypedErrorWithoutTheSignedUrlAndLeavesNoFile() throws IOException {
		wireMock.stubFor(put(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(403)
			.withBody("<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code></Error>")));
		Flux<ClassifierExample> examples = Flux.range(0, 1000).map((i) -> new ClassifierExample("text " + i, i % 2));
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), examples))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelAuthenticationException.class)
				.hasMessageStartingWith("PUT <upload URL> failed with 403 Forbidden: <?xml")
				.hasMessageNotContaining("X-Amz-Signature"))
			.verify(TIMEOUT);
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void exampleOfTheWrongTypeIsRefusedBeforeAnythingIsSent() throws IOException {
		Flux<TrainingExample> examples = Flux.just(new ClassifierExample("a", 0), new GeneratorExample("b", "c"));
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), examples))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessage("Example 2 of the dataset of file f_1 is a GeneratorExample, "
								+ "but the dataset is for a classifier: use ClassifierExamples");
						assertThat(invalid.exampleNumber()).isEqualTo(2);
						assertThat(invalid.line()).isNull();
					}))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void negativeLabelIsRefusedBeforeAnythingIsSent() throws IOException {
		Flux<ClassifierExample> examples = Flux.just(new ClassifierExample("a", 0), new ClassifierExample("b", 1),
				new ClassifierExample("c", -1));
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), examples))
			.expectErrorMessage("Example 3 of the dataset of file f_1 has the label -1: the labels are 0 or more")
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void missingOutputIsRefusedBeforeAnythingIsSent() throws IOException {
		StepVerifier.create(this.template.upload(file(ModelType.GENERATOR), Flux.just(new GeneratorExample("a", null))))
			.expectErrorMessage("Example 1 of the dataset of file f_1 has an empty output")
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void failingSourceEndsTheUploadWithItsErrorAndLeavesNoFile() throws IOException {
		IllegalStateException sourceFailure = new IllegalStateException("source broke");
		Flux<ClassifierExample> examples = Flux.concat(Flux.range(0, 500).map((i) -> new ClassifierExample("t", 0)),
				Flux.error(sourceFailure));
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), examples))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(sourceFailure))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		assertNoTemporaryFileIsLeft();
	}

	@Test
	void cancelledUploadLeavesNoFile() {
		Flux<ClassifierExample> endless = Flux.interval(Duration.ofMillis(1)).map((i) -> new ClassifierExample("t", 0));
		Disposable upload = this.template.upload(file(ModelType.CLASSIFIER), endless).subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> temporaryFiles().size() == 2);
		upload.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> temporaryFiles().isEmpty());
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void unwritableSpoolDirectoryBecomesClearError() {
		TuneTheModelTemplate misconfigured = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.temporaryDirectory(this.spoolDirectory.resolve("missing"))
			.build();
		StepVerifier.create(misconfigured.upload(file(ModelType.CLASSIFIER), classifierExamples(32)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("Could not create a temporary file for the dataset in "))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	private static Flux<ClassifierExample> classifierExamples(int count) {
		return Flux.range(0, count).map((i) -> new ClassifierExample("text " + i, i % 2));
	}

	private static Flux<GeneratorExample> generatorExamples(int count) {
		return Flux.range(0, count).map((i) -> new GeneratorExample("input " + i, "output " + i));
	}

	private DatasetFile file(ModelType type) {
		return new DatasetFile("f_1", "train", type, FileStatus.CREATED, "filecreated",
				URI.create(wireMock.baseUrl() + UPLOAD_PATH + SIGNED_QUERY));
	}

	private LoggedRequest onlyUpload() {
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).getMethod().getName()).isEqualTo("PUT");
		return requests.get(0);
	}

	private void assertNoTemporaryFileIsLeft() throws IOException {
		// the spool is deleted asynchronously, right after the result completes
		await().atMost(Duration.ofSeconds(5)).until(() -> temporaryFiles().isEmpty());
	}

	private List<Path> temporaryFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.spoolDirectory)) {
			return files.toList();
		}
	}

}
