package dev.tunethemodel.sample.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic reviews, a line at a time, in the CSV format of the bundled ones
 * ({@code text,sentiment}): as many as asked, in memory that does not grow with them.
 */
final class ReviewGenerator {

	private static final List<String> SUBJECTS = List.of("The room", "The delivery", "The pasta", "The staff",
			"The keyboard", "The flight", "The battery", "The hotel breakfast", "The support team",
			"The vacuum cleaner");

	private static final List<String> PRAISE = List.of("was wonderful", "exceeded my expectations",
			"is excellent value for the money", "was friendly and helpful", "works perfectly", "made my day");

	private static final List<String> COMPLAINTS = List.of("was rude and unhelpful", "arrived late and damaged",
			"crashes constantly", "was cold and bland", "broke after a week", "is a waste of money");

	private ReviewGenerator() {
	}

	/**
	 * Write reviews into a file, whole or not at all: they are written to a temporary
	 * file next to it, then moved.
	 * @param reviews how many
	 * @param file the file
	 */
	static void write(int reviews, Path file) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
			try {
				try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
					write(reviews, writer);
				}
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + reviews + " generated reviews into " + file, ex);
		}
	}

	/**
	 * Write reviews, the same ones for the same number, after a header line.
	 * @param reviews how many
	 * @param out where to
	 * @throws IOException if the writer fails
	 */
	static void write(int reviews, Writer out) throws IOException {
		SplittableRandom random = new SplittableRandom(reviews);
		out.write("text,sentiment\n");
		for (int review = 0; review < reviews; review++) {
			boolean positive = random.nextBoolean();
			List<String> verdicts = positive ? PRAISE : COMPLAINTS;
			out.write(pick(SUBJECTS, random) + " " + pick(verdicts, random) + " (review " + review + ")."
					+ (positive ? ",positive\n" : ",negative\n"));
		}
	}

	private static String pick(List<String> words, SplittableRandom random) {
		return words.get(random.nextInt(words.size()));
	}

}
