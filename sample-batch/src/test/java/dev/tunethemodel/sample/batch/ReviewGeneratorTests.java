package dev.tunethemodel.sample.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReviewGenerator}.
 */
class ReviewGeneratorTests {

	@TempDir
	Path directory;

	@Test
	void writesAHeaderAndAsManyReviewsAsAskedOneALineAsItGoes() throws IOException {
		LineCountingWriter out = new LineCountingWriter();

		ReviewGenerator.write(200_000, out);

		assertThat(out.lines).isEqualTo(200_001);
		// what the writer held at once: a line, never the reviews before it
		assertThat(out.longestWrite).isLessThan(200);
	}

	@Test
	void writesReviewsInTheFormatOfTheBundledOnesTheSameForTheSameNumber() throws IOException {
		Path file = this.directory.resolve("reviews.csv");

		ReviewGenerator.write(1_000, file);

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(1_001).first().isEqualTo("text,sentiment");
		assertThat(lines.subList(1, lines.size()))
			.allMatch((line) -> line.matches("The [a-zA-Z ]+ \\(review \\d+\\)\\.,(positive|negative)"));
		assertThat(lines).filteredOn((line) -> line.endsWith(",positive")).hasSizeBetween(400, 600);
		StringWriter again = new StringWriter();
		ReviewGenerator.write(1_000, again);
		assertThat(again.toString().split("\n")).containsExactlyElementsOf(lines);
		assertThat(this.directory).isDirectoryNotContaining("glob:**.partial");
	}

	/**
	 * Counts the lines written and the longest write, and keeps nothing.
	 */
	private static final class LineCountingWriter extends Writer {

		private long lines;

		private int longestWrite;

		@Override
		public void write(char[] buffer, int offset, int length) {
			this.longestWrite = Math.max(this.longestWrite, length);
			for (int index = offset; index < offset + length; index++) {
				if (buffer[index] == '\n') {
					this.lines++;
				}
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
