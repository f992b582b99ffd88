package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an uploaded dataset from a file, token by token, so that its size does not
 * matter: every example is checked, and only the first ones, within
 * {@link EmulatorLimits#MAX_LEARNT_EXAMPLES} and {@link EmulatorLimits#MAX_LEARNT_CHARS},
 * are kept for the model to learn from.
 */
final class DatasetReader {

	private static final JsonFactory JSON = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(EmulatorLimits.MAX_TEXT_LENGTH).build())
		.build();

	private DatasetReader() {
	}

	/**
	 * Read a dataset for a file of the given task type.
	 * @param file the uploaded body
	 * @param taskType {@code classifier} or {@code generator}
	 * @return the dataset, unusable when the body breaks a rule
	 * @throws UncheckedIOException if the file cannot be read
	 */
	static Dataset read(Path file, String taskType) {
		boolean classifier = taskType.equals("classifier");
		String targetsName = classifier ? "classes" : "outputs";
		try (InputStream in = Files.newInputStream(file);
				JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Dataset.unusable("the body is not a JSON object");
			}
			Column inputs = null;
			Column targets = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (name.equals("inputs")) {
					inputs = texts(parser, name);
				}
				else if (name.equals(targetsName)) {
					targets = classifier ? labels(parser) : texts(parser, name);
				}
				else {
					parser.skipChildren();
				}
			}
			return dataset(inputs, targets, targetsName, classifier);
		}
		catch (UnusableException ex) {
			return Dataset.unusable(ex.problem());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonIOException ex) {
			throw new UncheckedIOException(ex.getCause());
		}
		catch (StreamConstraintsException ex) {
			return Dataset.unusable("the body breaks a limit: " + ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			return Dataset.unusable("the body is not valid JSON");
		}
	}

	private static Dataset dataset(@Nullable Column inputs, @Nullable Column targets, String targetsName,
			boolean classifier) {
		if (inputs == null || targets == null) {
			return Dataset.unusable("\"inputs\" and \"" + targetsName + "\" are required");
		}
		if (inputs.count != targets.count) {
			return Dataset.unusable(inputs.count + " inputs, but " + targets.count + " " + targetsName);
		}
		if (targets.count < Dataset.MIN_EXAMPLES) {
			return Dataset.unusable(targets.count + " examples, fewer than " + Dataset.MIN_EXAMPLES);
		}
		int learnt = Math.min(inputs.kept(), targets.kept());
		List<String> learntInputs = List.copyOf(inputs.texts.subList(0, learnt));
		return classifier
				? new Dataset(learntInputs, List.copyOf(targets.labels.subList(0, learnt)), List.of(), targets.maxLabel,
						null)
				: new Dataset(learntInputs, List.of(), List.copyOf(targets.texts.subList(0, learnt)), -1, null);
	}

	private static Column texts(JsonParser parser, String name) {
		requireArray(parser, "\"" + name + "\" is not an array of texts");
		Column column = new Column();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
				throw new UnusableException("\"" + name + "\" has an element that is not a text, or is blank");
			}
			column.addText(parser.getString());
		}
		return column;
	}

	private static Column labels(JsonParser parser) {
		String rule = "labels, whole numbers from 0 to " + (EmulatorLimits.MAX_NUM_CLASSES - 1);
		requireArray(parser, "\"classes\" is not an array of " + rule);
		Column column = new Column();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
					|| parser.getIntValue() < 0 || parser.getIntValue() >= EmulatorLimits.MAX_NUM_CLASSES) {
				throw new UnusableException("\"classes\" has an element that is not one of the " + rule);
			}
			column.addLabel(parser.getIntValue());
		}
		return column;
	}

	private static void requireArray(JsonParser parser, String problem) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			throw new UnusableException(problem);
		}
	}

	/**
	 * One array of a dataset: how many elements it has, and the first ones, to learn
	 * from.
	 */
	private static final class Column {

		private final List<String> texts = new ArrayList<>();

		private final List<Integer> labels = new ArrayList<>();

		private long count;

		private long keptChars;

		private boolean keeping = true;

		private int maxLabel = -1;

		void addText(String text) {
			this.keeping = this.keeping && this.count < EmulatorLimits.MAX_LEARNT_EXAMPLES
					&& (this.count == 0 || this.keptChars + text.length() <= EmulatorLimits.MAX_LEARNT_CHARS);
			if (this.keeping) {
				this.texts.add(text);
				this.keptChars += text.length();
			}
			this.count++;
		}

		void addLabel(int label) {
			if (this.count < EmulatorLimits.MAX_LEARNT_EXAMPLES) {
				this.labels.add(label);
			}
			this.maxLabel = Math.max(this.maxLabel, label);
			this.count++;
		}

		int kept() {
			return Math.max(this.texts.size(), this.labels.size());
		}

	}

	/**
	 * Why a dataset is unusable: the rest of the body need not be read.
	 */
	private static final class UnusableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String problem;

		UnusableException(String problem) {
			super(problem, null, false, false);
			this.problem = problem;
		}

		String problem() {
			return this.problem;
		}

	}

}
