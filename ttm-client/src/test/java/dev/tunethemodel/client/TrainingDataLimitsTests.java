package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of the bounds {@link TrainingData} puts on a text and a line: 1 MiB per text and
 * four times as much per line by default, or what a reader is given.
 */
class TrainingDataLimitsTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private static final int MEBIBYTE = 1024 * 1024;

	@TempDir
	Path directory;

	@Test
	void textOfOneMebibyteIsRead() throws IOException {
		String text = "a".repeat(MEBIBYTE);
		Path file = write("train.jsonl", "{\"text\": \"" + text + "\", \"label\": 1}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNext(new ClassifierExample(text, 1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void jsonLinesTextLongerThanOneMebibyteIsRefusedWithItsLine() throws IOException {
		// 'é' is two bytes in UTF-8: the limit counts bytes, not characters
		String text = "é".repeat(MEBIBYTE / 2 + 1);
		Path file = write("train.jsonl",
				"{\"text\": \"a\", \"label\": 1}\n{\"text\": \"" + text + "\", \"label\": 1}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(
					invalid(2, "Line 2 of " + file + " has a value longer than 1 MiB in its field \"text\""))
			.verify(VERIFY);
	}

	@Test
	void csvValueLongerThanOneMebibyteIsRefusedWithItsLine() throws IOException {
		Path file = write("pairs.csv",
				"prompt,answer\nshort,fine\n\"long\n" + "a".repeat(MEBIBYTE) + "\",fine\nnever,read\n");
		StepVerifier.create(TrainingData.csv(file).text("prompt").output("answer").generator())
			.expectNextCount(1)
			.expectErrorSatisfies(
					invalid(3, "Line 3 of " + file + " has a value longer than 1 MiB in its column \"prompt\""))
			.verify(VERIFY);
	}

	@Test
	void jsonLinesLineLongerThanFourMebibytesIsRefusedWithItsLine() throws IOException {
		Path file = write("train.jsonl",
				"{\"text\": \"a\", \"label\": 1}\n{\"text\": \"a\", \"label\": 1, \"notes\": \""
						+ "n".repeat(4 * MEBIBYTE) + "\"}\n");
		StepVerifier.create(TrainingData.jsonLines(file).text("text").label("label").classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(invalid(2,
					"Line 2 of " + file
							+ " is longer than 4 MiB, the maximum length of a line with texts of up to 1 MiB"))
			.verify(VERIFY);
	}

	@Test
	void chosenSizeAcceptsLongerTexts() throws IOException {
		String text = "a".repeat(MEBIBYTE + 1);
		Path file = write("pairs.csv", "prompt,answer\n" + text + ",fine\n");
		StepVerifier.create(
				TrainingData.csv(file).text("prompt").output("answer").maxTextSize(DataSize.ofMegabytes(2)).generator())
			.expectNext(new GeneratorExample(text, "fine"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void chosenSizeRefusesLongerTextsInEveryReader() throws IOException {
		Path csv = write("train.csv", "text,label\n12345678,1\n123456789,1\n");
		StepVerifier
			.create(TrainingData.csv(csv).text("text").label("label").maxTextSize(DataSize.ofBytes(8)).classifier())
			.expectNextCount(1)
			.expectErrorSatisfies(
					invalid(3, "Line 3 of " + csv + " has a value longer than 8 bytes in its column \"text\""))
			.verify(VERIFY);
		Path jsonLines = write("gen.jsonl", "{\"in\": \"a\", \"out\": \"seventeen bytes..\"}\n");
		StepVerifier
			.create(TrainingData.jsonLines(jsonLines)
				.text("in")
				.output("out")
				.maxTextSize(DataSize.ofBytes(16))
				.generator())
			.expectErrorSatisfies(
					invalid(1, "Line 1 of " + jsonLines + " has a value longer than 16 bytes in its field \"out\""))
			.verify(VERIFY);
	}

	@Test
	void jsonArrayOnOneLineIsRefusedAtItsFirstLine() throws IOException {
		Path file = write("train.json", "[{\"text\": \"a\", \"label\": 1}, {\"text\": \"b\", \"label\": 0}, "
				+ "{\"text\": \"c\", \"label\": 1}]");
		StepVerifier.create(
				TrainingData.jsonLines(file).text("text").label("label").maxTextSize(DataSize.ofBytes(16)).classifier())
			.expectErrorSatisfies(invalid(1,
					"Line 1 of " + file
							+ " is longer than 64 bytes, the maximum length of a line with texts of up to 16 bytes; "
							+ "JSON Lines has one object per line, not an array of them"))
			.verify(VERIFY);
	}

	@Test
	void csvRecordLongerThanFourTextsIsRefusedAtItsFirstLine() throws IOException {
		Path file = write("train.csv", "text,label,notes\n\"a\nb\",\"12345\",\"12345\"\n");
		StepVerifier
			.create(TrainingData.csv(file).text("text").label("label").maxTextSize(DataSize.ofBytes(5)).classifier())
			.expectErrorSatisfies(invalid(2, "Line 2 of " + file
					+ " has a record longer than 20 bytes, the maximum length of a record with texts of up to 5 bytes"))
			.verify(VERIFY);
	}

	@Test
	void headerValueLongerThanATextIsRefused() throws IOException {
		Path file = write("train.csv", "text,label,comments and more\n");
		StepVerifier
			.create(TrainingData.csv(file).text("text").label("label").maxTextSize(DataSize.ofBytes(8)).classifier())
			.expectErrorSatisfies(invalid(1, "Line 1 of " + file + " has a value longer than 8 bytes"))
			.verify(VERIFY);
	}

	@Test
	void chosenSizeIsFromOneByteTo256Mebibytes() {
		Path file = this.directory.resolve("unread.csv");
		assertThatIllegalArgumentException().isThrownBy(
				() -> TrainingData.csv(file).text("text").label("label").maxTextSize(DataSize.ofBytes(0)).classifier())
			.withMessage("maxTextSize must be between 1 byte and 256 MiB, but is 0 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingData.jsonLines(file)
				.text("in")
				.output("out")
				.maxTextSize(DataSize.ofMegabytes(257))
				.generator())
			.withMessage("maxTextSize must be between 1 byte and 256 MiB, but is 257 MiB");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrainingData.jsonLines(file)
				.text("text")
				.label("label")
				.maxTextSize((DataSize) null)
				.classifier())
			.withMessage("maxTextSize must not be null");
		StepVerifier
			.create(TrainingData.csv(file).text("in").output("out").maxTextSize(DataSize.ofMegabytes(256)).generator())
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageStartingWith("Could not read " + file))
			.verify(VERIFY);
	}

	private static Consumer<Throwable> invalid(long line, String message) {
		return (ex) -> assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
			assertThat(invalid).hasMessage(message);
			assertThat(invalid.line()).isEqualTo(line);
		});
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

}
