package dev.tunethemodel.client;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.TrainingExample;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dataset files with lines far longer than any text the API takes, read in 128 MiB of
 * heap: each is refused at its first line, having read little more than the bound of a
 * line, instead of the whole line being held in memory.
 */
@HostileSuite
class HostileDatasetFileTests {

	private static final long MEBIBYTE = 1024 * 1024;

	private static final long LONG_LINE = 100 * MEBIBYTE;

	private static final long JSON_ARRAY = 112 * MEBIBYTE;

	// the bound of a line, 4 MiB, with room for the buffers and the classes loaded
	// meanwhile
	private static final long MOST_BYTES_READ = 16 * MEBIBYTE;

	private static final Duration BOUNDED_TIME = Duration.ofSeconds(20);

	@TempDir
	Path directory;

	@Test
	void csvLineWithOneValueOfOneHundredMebibytesIsRefusedAtLineOne() throws IOException {
		Path file = write("long.csv", (out) -> {
			repeat(out, 'a', LONG_LINE);
			out.write('\n');
		});
		assertRefusedAtLineOne(TrainingData.csv(file).text("text").label("label").classifier(), file,
				"Line 1 of " + file + " has a value longer than 1 MiB");
	}

	@Test
	void jsonLinesLineOfOneHundredMebibytesIsRefusedAtLineOne() throws IOException {
		Path file = write("long.jsonl", (out) -> {
			out.write("{\"text\": \"");
			repeat(out, 'a', LONG_LINE);
			out.write("\", \"label\": 1}\n");
		});
		assertRefusedAtLineOne(TrainingData.jsonLines(file).text("text").label("label").classifier(), file,
				"Line 1 of " + file + " is longer than 4 MiB");
	}

	@Test
	void jsonArrayOfOneHundredAndTwelveMebibytesWithoutANewlineIsRefusedAtLineOne() throws IOException {
		String example = "{\"input\": \"" + "i".repeat(500) + "\", \"output\": \"" + "o".repeat(500) + "\"}";
		Path file = write("array.json", (out) -> {
			out.write('[');
			for (long written = 1; written < JSON_ARRAY; written += example.length() + 1) {
				out.write((written > 1) ? "," : "");
				out.write(example);
			}
			out.write(']');
		});
		assertRefusedAtLineOne(TrainingData.jsonLines(file).text("input").output("output").generator(), file,
				"Line 1 of " + file + " is longer than 4 MiB");
	}

	private void assertRefusedAtLineOne(Flux<? extends TrainingExample> examples, Path file, String message) {
		OptionalLong before = bytesRead();
		StepVerifier.create(examples).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOfSatisfying(InvalidDatasetException.class, (invalid) -> {
				assertThat(invalid).hasMessageStartingWith(message);
				assertThat(invalid.line()).isEqualTo(1);
			});
		}).verify(BOUNDED_TIME);
		OptionalLong after = bytesRead();
		if (before.isPresent() && after.isPresent()) {
			assertThat(after.getAsLong() - before.getAsLong()).isLessThan(MOST_BYTES_READ);
		}
	}

	// what this process has read from files so far, where Linux tells it
	private static OptionalLong bytesRead() {
		try {
			List<String> io = Files.readAllLines(Path.of("/proc/self/io"));
			return io.stream()
				.filter((line) -> line.startsWith("rchar:"))
				.mapToLong((line) -> Long.parseLong(line.substring("rchar:".length()).trim()))
				.findFirst();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	private Path write(String name, FileContent content) throws IOException {
		Path file = this.directory.resolve(name);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			content.writeTo(out);
		}
		return file;
	}

	private static void repeat(Writer out, char c, long count) throws IOException {
		char[] chunk = new char[8192];
		Arrays.fill(chunk, c);
		for (long left = count; left > 0; left -= chunk.length) {
			out.write(chunk, 0, (int) Math.min(chunk.length, left));
		}
	}

	@FunctionalInterface
	private interface FileContent {

		void writeTo(Writer out) throws IOException;

	}

}
