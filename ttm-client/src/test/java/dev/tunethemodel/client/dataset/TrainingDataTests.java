package dev.tunethemodel.client.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData.Split;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.TrainingExample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of {@link TrainingData}: its readers and its split.
 */
class TrainingDataTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	@Test
	void csvClassifierReadsTheNamedColumns() throws IOException {
		Path file = write("reviews.csv", """
				id,sentiment,text
				1,2,"Great, really great"
				2,0,"Awful ""quoted"" food"
				3,1,Fine
				""");
		StepVerifier.create(TrainingData.csv(file).text("text").label("sentiment").classifier())
			.expectNext(new ClassifierExample("Great, really great", 2),
					new ClassifierExample("Awful \"quoted\" food", 0), new ClassifierExample("Fine", 1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void csvGeneratorReadsTheNamedColumns() throws IOException {
		Path file = write("pairs.csv", "prompt,answer\n2 + 2,4\n\"multi\nline\",yes\n");
		StepVerifier.create(TrainingData.csv(file).text("prompt").output("answer").generator())
			.expectNext(new GeneratorExample("2 + 2", "4"), new GeneratorExample("multi\nline", "yes"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void jsonLinesReadTheNamedFieldsAndSkipBlankLines() throws IOException {
		Path file = write("train.jsonl", """
				{"text": "good", "label": 1, "extra": [1, 2]}

				{"text": "bad", "label": "0"}
				""");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("good", 1), new ClassifierExample("bad", 0))
			.expectComplete()
			.verify(VERIFY);
		Path generator = write("gen.jsonl", "{\"in\": \"Once\", \"out\": \"upon a time\"}\n");
		StepVerifier.create(TrainingData.jsonLines(generator).text("in").output("out").generator())
			.expectNext(new GeneratorExample("Once", "upon a time"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void readersAreColdAndReadTheFileAgainOnEachSubscription() throws IOException {
		Path file = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n");
		Flux<ClassifierExample> examples = TrainingData.jsonLines(file).text("text").label("label").classifier();
		Files.writeString(file, "{\"text\": \"b\", \"label\": 0}\n");
		StepVerifier.create(examples).expectNext(new ClassifierExample("b", 0)).expectComplete().verify(VERIFY);
	}

	@Test
	void malformedJsonLineIsReportedWithItsNumber() throws IOException {
		Path file = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n\n{\"text\": oops}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessageStartingWith("Line 3 of " + file + " is not JSON: ");
						assertThat(invalid.line()).isEqualTo(3);
					}))
			.verify(VERIFY);
	}

	@Test
	void missingFieldIsReportedWithItsLine() throws IOException {
		Path file = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"txt\": \"b\", \"label\": 1}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorMessage("Line 2 of " + file + " has no value in its field \"text\"")
			.verify(VERIFY);
	}

	@Test
	void lineThatIsNotAnObjectIsReported() throws IOException {
		Path file = write("train.jsonl", "[\"text\", 1]\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectErrorMessage("Line 1 of " + file + " is not a JSON object")
			.verify(VERIFY);
	}

	@Test
	void labelThatIsNotAWholeNumberIsReportedWithItsLine() throws IOException {
		Path file = write("reviews.csv", "text,label\ngood,1\nbad,negative\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
						assertThat(invalid).hasMessage("Line 3 of " + file
								+ " has the label \"negative\" in its column \"label\", which is not a whole number");
						assertThat(invalid.line()).isEqualTo(3);
					}))
			.verify(VERIFY);
	}

	@Test
	void csvClassifierWithLabelsReadsTheirNames() throws IOException {
		Path file = write("reviews.csv", "text,sentiment\ngood,positive\n\"bad, really\",negative\nmeh,neutral\n");
		ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");
		StepVerifier.create(TrainingData.csv(file).text("text").label("sentiment", labels).classifier())
			.expectNext(new ClassifierExample("good", 2), new ClassifierExample("bad, really", 0),
					new ClassifierExample("meh", 1))
			.expectComplete()
			.verify(VERIFY);
		StepVerifier
			.create(TrainingData.csv(file)
				.text("text")
				.label("sentiment", labels)
				.maxTextSize(DataSize.ofBytes(9))
				.classifier())
			.expectNext(new ClassifierExample("good", 2))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDatasetException.class)
				.hasMessageStartingWith("Line 3 of " + file + " has a value longer than 9 bytes"))
			.verify(VERIFY);
	}

	@Test
	void unknownLabelNameInCsvIsReportedWithItsLineAndTheKnownNames() throws IOException {
		Path file = write("reviews.csv", "text,sentiment\ngood,positive\n\nfine,neutral\nbad,Negative\n");
		StepVerifier
			.create(TrainingData.csv(file)
				.text("text")
				.label("sentiment", ClassLabels.of("negative", "positive"))
				.classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(4, "Line 4 of " + file
					+ " has the label \"neutral\" in its column \"sentiment\": the labels are negative, positive"))
			.verify(VERIFY);
	}

	@Test
	void jsonLinesClassifierWithLabelsReadTheirNames() throws IOException {
		Path file = write("train.jsonl", """
				{"text": "good", "label": "positive"}
				{"text": "bad", "label": "negative"}
				""");
		ClassLabels labels = ClassLabels.of("negative", "positive");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label", labels).classifier())
			.expectNext(new ClassifierExample("good", 1), new ClassifierExample("bad", 0))
			.expectComplete()
			.verify(VERIFY);
		StepVerifier
			.create(TrainingData.jsonLines(file)
				.text("text")
				.label("label", labels)
				.maxTextSize(DataSize.ofBytes(3))
				.classifier())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDatasetException.class)
				.hasMessageStartingWith("Line 1 of " + file + " is longer than 12 bytes"))
			.verify(VERIFY);
	}

	@Test
	void unknownLabelNameInJsonLinesIsReportedWithItsLineAndTheKnownNames() throws IOException {
		Path file = write("train.jsonl", "{\"text\": \"good\", \"label\": \"positive \"}\n");
		StepVerifier
			.create(TrainingData.jsonLines(file)
				.text("text")
				.label("label", ClassLabels.of("negative", "positive"))
				.classifier())
			.expectErrorSatisfies(invalid(1,
					"Line 1 of " + file
							+ " has the label \"positive \" in its field \"label\": the labels are negative, positive"))
			.verify(VERIFY);
	}

	@Test
	void numberWhereALabelNameIsExpectedInJsonLinesIsReported() throws IOException {
		Path file = write("train.jsonl",
				"{\"text\": \"good\", \"label\": \"positive\"}\n{\"text\": \"bad\", \"label\": 0}\n");
		StepVerifier
			.create(TrainingData.jsonLines(file)
				.text("text")
				.label("label", ClassLabels.of("negative", "positive"))
				.classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(2, "Line 2 of " + file
					+ " has a number, not a label's name, in its field \"label\": the labels are negative, positive"))
			.verify(VERIFY);
	}

	@Test
	void readerWithoutLabelsIsRefused() {
		Path file = this.directory.resolve("train.csv");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingData.csv(file).text("text").label("label", (ClassLabels) null).classifier())
			.withMessage("The labels must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingData.jsonLines(file).text("text").label("label", (ClassLabels) null).classifier())
			.withMessage("The labels must not be null");
	}

	@Test
	void missingCsvColumnIsReported() throws IOException {
		Path file = write("reviews.csv", "text,label\ngood,1\n");
		StepVerifier.create(TrainingData.csv(file).text("review").label("label").classifier())
			.expectErrorMessage("Line 2 of " + file + " has no value in its column \"review\"")
			.verify(VERIFY);
	}

	@Test
	void missingFileIsAClearError() {
		Path file = this.directory.resolve("missing.jsonl");
		StepVerifier.create(TrainingData.jsonLines(file).text("in").output("out").generator())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("Could not read " + file))
			.verify(VERIFY);
	}

	@Test
	void invalidUtf8InJsonLinesIsReportedWithItsLine() throws IOException {
		Path file = write("train.jsonl",
				bytes("{\"text\": \"a\", \"label\": 1}\n{\"text\": \"caf", 0xC3, 0x28, "\", \"label\": 0}\n"));
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(2, "Line 2 of " + file + " is not valid UTF-8"))
			.verify(VERIFY);
	}

	@Test
	void invalidUtf8InCsvIsReportedWithItsLine() throws IOException {
		Path file = write("reviews.csv", bytes("text,label\ngood,1\nba", 0xFF, "d,0\n"));
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(3, "Line 3 of " + file + " is not valid UTF-8"))
			.verify(VERIFY);
	}

	@Test
	void byteOrderMarkIsAcceptedInJsonLines() throws IOException {
		Path file = write("train.jsonl", bytes(0xEF, 0xBB, 0xBF, "{\"text\": \"good\", \"label\": 1}\n"));
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("good", 1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void byteOrderMarkIsAcceptedInCsv() throws IOException {
		Path file = write("reviews.csv", bytes(0xEF, 0xBB, 0xBF, "text,label\ngood,1\n"));
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("good", 1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void unclosedQuoteIsReportedAtTheLineWhereItOpens() throws IOException {
		Path file = write("reviews.csv", "text,label\na,1\nb,0\nc,1\nd,0\n\"e,1\nf,0\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNextCount(4)
			.expectErrorSatisfies(
					invalid(6, "Line 6 of " + file + " is not valid CSV: the quote that opens there is never closed"))
			.verify(VERIFY);
	}

	@Test
	void blankLinesInCsvAreSkippedAndCounted() throws IOException {
		Path file = write("reviews.csv", "\ntext,label\ngood,1\n \t \n\r\nbad,negative\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("good", 1))
			.expectErrorSatisfies(invalid(6,
					"Line 6 of " + file
							+ " has the label \"negative\" in its column \"label\", which is not a whole number"))
			.verify(VERIFY);
	}

	@Test
	void blankLinesInJsonLinesAreSkippedAndCounted() throws IOException {
		Path file = write("train.jsonl",
				"\n{\"text\": \"a\", \"label\": 1}\n \t \r\n\n{\"text\": 1, \"label\": \"x\"}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("a", 1))
			.expectErrorSatisfies(invalid(5,
					"Line 5 of " + file + " has the label \"x\" in its field \"label\", which is not a whole number"))
			.verify(VERIFY);
	}

	@Test
	void lineNumbersCountTheLinesOfQuotedValues() throws IOException {
		Path file = write("reviews.csv", "text,label\r\n\"two\r\nlines\",1\r\nbad,x\r\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample("two\r\nlines", 1))
			.expectErrorSatisfies(invalid(4,
					"Line 4 of " + file + " has the label \"x\" in its column \"label\", which is not a whole number"))
			.verify(VERIFY);
	}

	@Test
	void invalidUtf8AtTheEndOfAFileIsReportedWithItsLine() throws IOException {
		Path file = write("train.jsonl", bytes("{\"text\": \"a\", \"label\": 1}\r\n", 0xE2, 0x82));
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(2, "Line 2 of " + file + " is not valid UTF-8"))
			.verify(VERIFY);
	}

	@Test
	void csvIsReadAsRfc4180() throws IOException {
		Path file = write("pairs.csv", "in,out,unused\r\"say \"\"hi\"\"\" ,a\"b,\rno \"quote\",,x\r\"\",\"\"\"\",y");
		StepVerifier.create(TrainingData.csv(file).text("in").output("out").generator())
			.expectNext(new GeneratorExample("say \"hi\"", "a\"b"), new GeneratorExample("no \"quote\"", ""),
					new GeneratorExample("", "\""))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void csvValueWithTextAfterItsClosingQuoteIsReported() throws IOException {
		Path file = write("reviews.csv", "text,label\n\"a\nb\"c,1\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectErrorSatisfies(
					invalid(3, "Line 3 of " + file + " is not valid CSV: a value has text after its closing quote"))
			.verify(VERIFY);
	}

	@Test
	void csvRecordWithMoreValuesThanTheHeaderIsReported() throws IOException {
		Path file = write("reviews.csv", "text,label\ngood,1\nbad, really,0\n");
		StepVerifier.create(TrainingData.csv(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(3,
					"Line 3 of " + file + " is not valid CSV: it has more values than its header has columns"))
			.verify(VERIFY);
	}

	@Test
	void jsonLinesMayEndTheirLinesWithCarriageReturns() throws IOException {
		Path file = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\r{\"text\": \"b\", \"label\": 0}\r\n"
				+ "{\"text\": \"c\", \"label\": 1}\r{\"text\": oops}");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(3)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class,
					(invalid) -> assertThat(invalid.line()).isEqualTo(4)))
			.verify(VERIFY);
	}

	@Test
	void fileIsClosedWhenReadToItsEndWhenRefusedAndWhenCancelled() throws IOException {
		assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd to see open files");
		Path good = write("good.csv", "text,label\na,1\nb,0\nc,1\n");
		StepVerifier.create(TrainingData.csv(good).text("text").label("label").classifier())
			.expectNextCount(3)
			.expectComplete()
			.verify(VERIFY);
		assertClosed(good);
		Path bad = write("bad.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"text\": oops}\n");
		StepVerifier.create(TrainingData.jsonLines(bad).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectError(InvalidDatasetException.class)
			.verify(VERIFY);
		assertClosed(bad);
		StepVerifier.create(TrainingData.csv(good).text("text").label("label").classifier(), 1)
			.expectNextCount(1)
			.thenCancel()
			.verify(VERIFY);
		assertClosed(good);
	}

	// soon, but before a collection could close a forgotten file
	private static void assertClosed(Path file) {
		await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(openFiles()).doesNotContain(file));
	}

	@Test
	void splitIsDeterministicDisjointAndOfTheRightSizes() {
		Flux<ClassifierExample> examples = Flux.range(0, 1000).map((i) -> new ClassifierExample("text " + i, i % 2));
		Split<ClassifierExample> split = TrainingData.split(examples, 0.2, 42);
		List<String> training = inputs(split.training());
		List<String> validation = inputs(split.validation());
		assertThat(validation).hasSize(200);
		assertThat(training).hasSize(800);
		Set<String> all = new HashSet<>(training);
		all.addAll(validation);
		assertThat(all).hasSize(1000);
		assertThat(inputs(split.validation())).isEqualTo(validation);
		assertThat(inputs(TrainingData.split(examples, 0.2, 42).validation())).isEqualTo(validation);
		assertThat(inputs(TrainingData.split(examples, 0.2, 43).validation())).isNotEqualTo(validation);
		assertThat(training).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
	}

	@Test
	void splitRoundsTheValidationSize() {
		Flux<GeneratorExample> examples = Flux.range(0, 33).map((i) -> new GeneratorExample("in " + i, "out"));
		assertThat(inputs(TrainingData.split(examples, 0.1, 7).validation())).hasSize(3);
		assertThat(inputs(TrainingData.split(examples, 0.1, 7).training())).hasSize(30);
	}

	@Test
	void splitOfAFileReadsItLazily() throws IOException {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			lines.append("{\"text\": \"line ").append(i).append("\", \"label\": ").append(i % 3).append("}\n");
		}
		Path file = write("all.jsonl", lines.toString());
		Split<ClassifierExample> split = TrainingData
			.split(TrainingData.jsonLines(file).text("text").label("label").classifier(), 0.25, 1);
		assertThat(inputs(split.validation())).hasSize(25);
		assertThat(inputs(split.training())).hasSize(75).doesNotContainAnyElementsOf(inputs(split.validation()));
	}

	@Test
	void splitFractionMustBeBetweenZeroAndOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrainingData.split(Flux.empty(), 1.0, 1))
			.withMessage("validationFraction must be between 0 and 1 (exclusive), but is 1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> TrainingData.split(Flux.empty(), 0, 1));
	}

	@Test
	void splitOfASourceThatChangesFailsClearly() {
		int[] reads = { 0 };
		Flux<ClassifierExample> changing = Flux.defer(() -> Flux.range(0, (reads[0]++ == 0) ? 10 : 20))
			.map((i) -> new ClassifierExample("t", 0));
		StepVerifier.create(TrainingData.split(changing, 0.5, 1).training())
			.thenConsumeWhile((example) -> true)
			.expectErrorMessage("The examples changed between two reads: "
					+ "a split needs a source that gives the same examples each time")
			.verify(VERIFY);
	}

	private static Consumer<Throwable> invalid(long line, String message) {
		return (ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
			assertThat(invalid).hasMessage(message);
			assertThat(invalid.line()).isEqualTo(line);
		});
	}

	// text as UTF-8 and integers as single bytes, to write bytes that are not UTF-8
	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof Integer oneByte) {
				out.write(oneByte);
			}
			else {
				out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toByteArray();
	}

	private static List<Path> openFiles() throws IOException {
		List<Path> open = new ArrayList<>();
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
			for (Path descriptor : descriptors) {
				try {
					open.add(Files.readSymbolicLink(descriptor));
				}
				catch (IOException ex) {
					// closed while listed
				}
			}
		}
		return open;
	}

	private static List<String> inputs(Flux<? extends TrainingExample> examples) {
		return examples.map(TrainingExample::input).collectList().block(VERIFY);
	}

	private static int number(String input) {
		return Integer.parseInt(input.substring(input.indexOf(' ') + 1));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(this.directory.resolve(name), content);
	}

}
