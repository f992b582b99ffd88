package dev.tunethemodel.client;

import java.net.URI;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.ModelType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link TuneTheModelTemplate} refuses bad arguments with an
 * {@link IllegalArgumentException} and sends nothing.
 */
class TuneTheModelTemplateValidationTests extends WireMockTemplateTests {

	private static final String VALID_ID = "abc_123-XYZ";

	private static final String[] REFUSED_IDS = { "", ".", "..", "../files", "a/b", "a?x=1", "a#b", "a\rb", "a\nb",
			"a b", "a%2Fb", "a.b", "é", "a".repeat(129) };

	@AfterEach
	void nothingWasSent() {
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	static Stream<Arguments> refusedIds() {
		Stream.Builder<Arguments> cases = Stream.builder();
		for (String id : REFUSED_IDS) {
			cases.add(Arguments.of("getModel", id, call((t) -> t.getModel(id))));
			cases.add(Arguments.of("deleteModel", id, call((t) -> t.deleteModel(id))));
			cases.add(Arguments.of("fit", id, call((t) -> t.fit(id))));
			cases.add(Arguments.of("classify", id, call((t) -> t.classify(id, "text"))));
			cases.add(Arguments.of("generate", id, call((t) -> t.generate(id, GenerateRequest.of("text")))));
			cases.add(Arguments.of("bind model", id, call((t) -> t.bind(id, VALID_ID, VALID_ID))));
			cases.add(Arguments.of("bind training file", id, call((t) -> t.bind(VALID_ID, id, VALID_ID))));
			cases.add(Arguments.of("bind validation file", id, call((t) -> t.bind(VALID_ID, VALID_ID, id))));
			cases.add(Arguments.of("getFile", id, call((t) -> t.getFile(id))));
			cases.add(Arguments.of("deleteFile", id, call((t) -> t.deleteFile(id))));
		}
		return cases.build();
	}

	@ParameterizedTest(name = "{0} refuses id {1}")
	@MethodSource("refusedIds")
	void refusedIdSendsNothing(String method, String id, Function<TuneTheModelTemplate, Publisher<?>> call) {
		StepVerifier.create(call.apply(this.template))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(" id ")
				.hasMessageContaining("1 to 128 letters, digits, '_' or '-'")
				.hasMessageNotContaining("\r")
				.hasMessageNotContaining("\n"))
			.verify(TIMEOUT);
	}

	@Test
	void nullIdSendsNothing() {
		StepVerifier.create(this.template.getModel(null))
			.expectErrorMessage("The model id must not be null")
			.verify(TIMEOUT);
	}

	@Test
	void longestIdIsAccepted() {
		assertThat(ArgumentChecks.requireId("model", "a".repeat(128))).hasSize(128);
	}

	static Stream<Arguments> refusedRequests() {
		return Stream.of(
				Arguments.of("classifier with 1 class",
						call((t) -> t.createModel(CreateModelRequest.classifier("x", 1))),
						"A classifier needs at least 2 classes, but numClasses is 1"),
				Arguments.of("classifier with 0 classes",
						call((t) -> t.createModel(CreateModelRequest.classifier("x", 0))),
						"A classifier needs at least 2 classes, but numClasses is 0"),
				Arguments.of("classifier without classes",
						call((t) -> t.createModel(new CreateModelRequest(ModelType.CLASSIFIER, "x", null, null, null))),
						"A classifier needs at least 2 classes, but numClasses is null"),
				Arguments.of("generator with classes",
						call((t) -> t.createModel(new CreateModelRequest(ModelType.GENERATOR, "x", 3, null, null))),
						"A generator has no classes, but numClasses is 3"),
				Arguments.of("labels of another number of classes",
						call((t) -> t.createModel(new CreateModelRequest(ModelType.CLASSIFIER, "x", 3, null, null,
								ClassLabels.of("no", "yes")))),
						"The 2 labels do not name the classes of a model whose numClasses is 3: ClassLabels[no, yes]"),
				Arguments.of("model without type",
						call((t) -> t.createModel(new CreateModelRequest(null, "x", null, null, null))),
						"The model type must not be null"),
				Arguments.of("null model request", call((t) -> t.createModel(null)),
						"The model request must not be null"),
				Arguments.of("blank model name", call((t) -> t.createModel(CreateModelRequest.generator(" "))),
						"The model name must be null or not blank"),
				Arguments.of("zero train iterations",
						call((t) -> t.createModel(CreateModelRequest.generator("x").withTrainIters(0))),
						"trainIters must be at least 1, but is 0"),
				Arguments.of("empty classify input", call((t) -> t.classify(VALID_ID, "")),
						"The input must not be empty"),
				Arguments.of("blank classify input", call((t) -> t.classify(VALID_ID, " \t")),
						"The input must not be empty"),
				Arguments.of("null classify input", call((t) -> t.classify(VALID_ID, null)),
						"The input must not be empty"),
				Arguments.of("empty generate input", call((t) -> t.generate(VALID_ID, GenerateRequest.of(""))),
						"The input must not be empty"),
				Arguments.of("null generate request", call((t) -> t.generate(VALID_ID, null)),
						"The generate request must not be null"),
				Arguments.of("zero hypotheses", generate(GenerateRequest.builder("x").numHypos(0).build()),
						"numHypos must be at least 1, but is 0"),
				Arguments.of("negative min tokens", generate(GenerateRequest.builder("x").minTokens(-1).build()),
						"minTokens must be at least 0, but is -1"),
				Arguments.of("max tokens under min tokens",
						generate(GenerateRequest.builder("x").minTokens(10).maxTokens(9).build()),
						"maxTokens must be at least minTokens (10), but is 9"),
				Arguments.of("negative temperature", generate(GenerateRequest.builder("x").temperature(-0.1).build()),
						"temperature must be a finite number, at least 0, but is -0.1"),
				Arguments.of("NaN temperature", generate(GenerateRequest.builder("x").temperature(Double.NaN).build()),
						"temperature must be a finite number, at least 0, but is NaN"),
				Arguments.of("infinite temperature",
						generate(GenerateRequest.builder("x").temperature(Double.POSITIVE_INFINITY).build()),
						"temperature must be a finite number, at least 0, but is Infinity"),
				Arguments.of("negative top k", generate(GenerateRequest.builder("x").topK(-1).build()),
						"topK must be at least 0, but is -1"),
				Arguments.of("zero top p", generate(GenerateRequest.builder("x").topP(0.0).build()),
						"topP must be greater than 0 and at most 1, but is 0.0"),
				Arguments.of("top p over 1", generate(GenerateRequest.builder("x").topP(1.01).build()),
						"topP must be greater than 0 and at most 1, but is 1.01"),
				Arguments.of("empty file name", call((t) -> t.createFile("", ModelType.CLASSIFIER)),
						"The file name must not be empty"),
				Arguments.of("file without task type", call((t) -> t.createFile("train", null)),
						"The task type must not be null"),
				Arguments.of("upload of a null file", call((t) -> t.upload(null, Flux.empty())),
						"The file must not be null"),
				Arguments.of("upload without url",
						call((t) -> t.upload(file(ModelType.CLASSIFIER, null), Flux.empty())),
						"File \"f_1\" has no upload URL: upload to a file as createFile returns it, or read it again with getFile"),
				Arguments.of("upload to a relative url",
						call((t) -> t.upload(file(ModelType.CLASSIFIER, URI.create("/upload")), Flux.empty())),
						"The upload URL of file \"f_1\" is not an absolute http(s) URL"),
				Arguments.of("upload to a file url",
						call((t) -> t.upload(file(ModelType.CLASSIFIER, URI.create("file:///etc/passwd")),
								Flux.empty())),
						"The upload URL of file \"f_1\" is not an absolute http(s) URL"),
				Arguments.of("upload to a file of unknown type",
						call((t) -> t.upload(file(null, URI.create(wireMock.baseUrl() + "/upload")), Flux.empty())),
						"The task type of the file must not be null"),
				Arguments.of("upload of null examples", call(
						(t) -> t.upload(file(ModelType.CLASSIFIER, URI.create(wireMock.baseUrl() + "/upload")), null)),
						"The examples must not be null"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedRequests")
	void refusedRequestSendsNothing(String name, Function<TuneTheModelTemplate, Publisher<?>> call, String message) {
		StepVerifier.create(call.apply(this.template))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message))
			.verify(TIMEOUT);
	}

	@Test
	void refusedIdIsQuotedWithLineBreaksReplaced() {
		StepVerifier.create(this.template.getModel("a\r\nSet-Cookie: x"))
			.expectErrorMessage(
					"Invalid model id \"a<EOL><EOL>Set-Cookie: x\": " + "an id is 1 to 128 letters, digits, '_' or '-'")
			.verify(TIMEOUT);
	}

	private static Function<TuneTheModelTemplate, Publisher<?>> call(
			Function<TuneTheModelTemplate, Publisher<?>> call) {
		return call;
	}

	private static Function<TuneTheModelTemplate, Publisher<?>> generate(GenerateRequest request) {
		return (template) -> template.generate(VALID_ID, request);
	}

	private static DatasetFile file(ModelType type, URI uploadUrl) {
		return new DatasetFile("f_1", "train", type, FileStatus.CREATED, "filecreated", uploadUrl);
	}

}
