package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingExample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of every rule a dataset must follow, with the position of the example that breaks
 * it, through {@link TuneTheModelTemplate#upload} and {@link TuneTheModelTemplate#train}.
 */
class DatasetRulesTests extends WireMockTemplateTests {

	@TempDir
	Path directory;

	static Stream<Arguments> brokenRules() {
		return Stream.of(
				Arguments.of("empty input", ModelType.CLASSIFIER, new ClassifierExample("", 1),
						"Example 5 of the dataset of file f_1 has an empty input"),
				Arguments.of("blank input", ModelType.CLASSIFIER, new ClassifierExample("  ", 1),
						"Example 5 of the dataset of file f_1 has an empty input"),
				Arguments.of("negative label", ModelType.CLASSIFIER, new ClassifierExample("x", -2),
						"Example 5 of the dataset of file f_1 has the label -2: the labels are 0 or more"),
				Arguments.of("empty generator input", ModelType.GENERATOR, new GeneratorExample("", "out"),
						"Example 5 of the dataset of file f_1 has an empty input"),
				Arguments.of("empty output", ModelType.GENERATOR, new GeneratorExample("in", ""),
						"Example 5 of the dataset of file f_1 has an empty output"),
				Arguments.of("classifier example for a generator", ModelType.GENERATOR, new ClassifierExample("x", 1),
						"Example 5 of the dataset of file f_1 is a ClassifierExample, but the dataset is for a generator: "
								+ "use GeneratorExamples"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void brokenRuleIsReportedWithTheExampleNumberAndNothingIsSent(String rule, ModelType type, TrainingExample bad,
			String message) {
		Flux<TrainingExample> examples = Flux.concat(valid(type, 4), Flux.just(bad), valid(type, 40));
		StepVerifier.create(this.template.upload(file(type), examples))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessage(message);
						assertThat(invalid.exampleNumber()).isEqualTo(5);
						assertThat(invalid.line()).isNull();
					}))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void datasetNeedsThirtyTwoExamples() {
		StepVerifier.create(this.template.upload(file(ModelType.CLASSIFIER), valid(ModelType.CLASSIFIER, 0)))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid)
							.hasMessage("The dataset of file f_1 has 0 examples, but the API needs at least 32");
						assertThat(invalid.exampleNumber()).isZero();
					}))
			.verify(TIMEOUT);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void labelOfAClassifierMustBeBelowItsNumberOfClasses() {
		stubTrainingUntilUpload();
		Flux<ClassifierExample> training = Flux.range(0, 40)
			.map((i) -> new ClassifierExample("t" + i, (i == 12) ? 4 : 1));
		StepVerifier.create(this.template.train(CreateModelRequest.classifier("c", 4), training, Flux.empty()))
			.expectErrorMessage(
					"Example 13 of the training dataset has the label 4: the labels of this classifier are 0 to 3")
			.verify(TIMEOUT);
	}

	@Test
	void brokenRuleOfAnExampleFromAFileNamesItsLine() throws IOException {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			lines.append("{\"text\": \"").append((i == 36) ? "" : "text " + i).append("\", \"label\": 1}\n");
			if (i == 20) {
				lines.append('\n');
			}
		}
		Path file = Files.writeString(this.directory.resolve("train.jsonl"), lines);
		StepVerifier
			.create(this.template.upload(file(ModelType.CLASSIFIER),
					TrainingData.jsonLines(file).text("text").label("label").classifier()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessage(
								"Example 37 of the dataset of file f_1 (line 38 of " + file + ") has an empty input");
						assertThat(invalid.exampleNumber()).isEqualTo(37);
						assertThat(invalid.line()).isEqualTo(38);
					}))
			.verify(TIMEOUT);
	}

	@Test
	void brokenRuleInASplitOfAFileNamesItsLine() throws IOException {
		stubTrainingUntilUpload();
		StringBuilder lines = new StringBuilder("text,label\n");
		for (int i = 0; i < 500; i++) {
			lines.append("text ").append(i).append(',').append((i == 400) ? 9 : i % 2).append('\n');
		}
		Path file = Files.writeString(this.directory.resolve("all.csv"), lines);
		TrainingData.Split<ClassifierExample> split = TrainingData
			.split(TrainingData.csv(file).text("text").label("label").classifier(), 0.1, 3);
		StepVerifier
			.create(this.template.train(CreateModelRequest.classifier("c", 2),
					Flux.concat(split.training(), split.validation()), Flux.empty()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessageEndingWith(" of the training dataset (line 402 of " + file
								+ ") has the label 9: " + "the labels of this classifier are 0 to 1");
						assertThat(invalid.line()).isEqualTo(402);
					}))
			.verify(TIMEOUT);
	}

	private void stubTrainingUntilUpload() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson("{\"model_name\": \"m-1\", \"status\": \"Created\"}")));
		wireMock.stubFor(post("/v0/files").willReturn(okJson("{\"file_id\": \"f_1\", \"status\": \"filecreated\", "
				+ "\"task_type\": \"classifier\", \"upload_url\": \"" + wireMock.baseUrl() + "/bucket/f_1\"}")));
		wireMock.stubFor(delete(anyUrl())
			.willReturn(aResponse().withStatus(200).withBody("{\"model_name\": \"m-1\", " + "\"file_id\": \"f_1\"}")));
	}

	private static Flux<TrainingExample> valid(ModelType type, int count) {
		return Flux.range(0, count)
			.map((i) -> (type == ModelType.CLASSIFIER) ? new ClassifierExample("text " + i, i % 2)
					: new GeneratorExample("in " + i, "out " + i));
	}

	private static DatasetFile file(ModelType type) {
		return new DatasetFile("f_1", "train", type, FileStatus.CREATED, "filecreated",
				java.net.URI.create(wireMock.baseUrl() + "/bucket/f_1"));
	}

}
