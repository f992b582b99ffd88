package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The sample application's dataset of reviews, labelled {@code negative} (class 0) or
 * {@code positive} (class 1).
 */
final class SentimentDataset {

	// the names in the label column, by class
	private static final List<String> LABELS = List.of("negative", "positive");

	private SentimentDataset() {
	}

	static List<String> inputs() {
		return rows().stream().map((row) -> row[0]).toList();
	}

	static List<Integer> labels() {
		return rows().stream().map((row) -> classOf(row[1])).toList();
	}

	static String asJson() {
		return JsonMapper.builder().build().writeValueAsString(Map.of("inputs", inputs(), "classes", labels()));
	}

	private static List<String[]> rows() {
		try (InputStream in = SentimentDataset.class.getResourceAsStream("/datasets/reviews.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			List<String[]> rows = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				rows.add(parse(lines[i]));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int classOf(String label) {
		int index = LABELS.indexOf(label);
		if (index < 0) {
			throw new IllegalStateException("Unknown label in the reviews: " + label);
		}
		return index;
	}

	// the dataset's CSV: a text, quoted when it has a comma, then the label
	private static String[] parse(String line) {
		int comma = line.lastIndexOf(',');
		String text = line.substring(0, comma);
		if (text.startsWith("\"")) {
			text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
		}
		return new String[] { text, line.substring(comma + 1) };
	}

}
