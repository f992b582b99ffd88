package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An uploaded dataset, {@code {"inputs": [...], "classes": [...]}} or {@code {"inputs":
 * [...], "outputs": [...]}}, with what makes it unusable, if anything.
 *
 * @param inputs the texts
 * @param classes the labels of a classifier's dataset, empty for a generator's
 * @param outputs the texts to generate of a generator's dataset, empty for a classifier's
 * @param problem why the API cannot use it, {@code null} when it can
 */
record Dataset(List<String> inputs, List<Integer> classes, List<String> outputs, @Nullable String problem) {

	static final int MIN_EXAMPLES = 32;

	/**
	 * Read an uploaded body for a file of the given task type.
	 * @param body the body, {@code null} when it is not JSON
	 * @param taskType {@code classifier} or {@code generator}
	 * @return the dataset, unusable when the body breaks a rule
	 */
	static Dataset read(@Nullable JsonNode body, String taskType) {
		if (body == null || !body.isObject()) {
			return unusable("the body is not a JSON object");
		}
		List<String> inputs = texts(body.get("inputs"));
		if (inputs == null) {
			return unusable("\"inputs\" is not an array of texts");
		}
		if (taskType.equals("classifier")) {
			List<Integer> classes = labels(body.get("classes"));
			if (classes == null) {
				return unusable("\"classes\" is not an array of labels, whole numbers of 0 or more");
			}
			return checked(new Dataset(inputs, classes, List.of(), null), classes.size());
		}
		List<String> outputs = texts(body.get("outputs"));
		if (outputs == null) {
			return unusable("\"outputs\" is not an array of texts");
		}
		return checked(new Dataset(inputs, List.of(), outputs, null), outputs.size());
	}

	boolean usable() {
		return this.problem == null;
	}

	int maxLabel() {
		return this.classes.stream().mapToInt(Integer::intValue).max().orElse(-1);
	}

	private static Dataset checked(Dataset dataset, int targets) {
		if (dataset.inputs().size() != targets) {
			return unusable(dataset.inputs().size() + " inputs, but " + targets + " labels or outputs");
		}
		if (targets < MIN_EXAMPLES) {
			return unusable(targets + " examples, fewer than " + MIN_EXAMPLES);
		}
		return dataset;
	}

	private static Dataset unusable(String problem) {
		return new Dataset(List.of(), List.of(), List.of(), problem);
	}

	private static @Nullable List<String> texts(@Nullable JsonNode array) {
		if (array == null || !array.isArray()) {
			return null;
		}
		List<String> texts = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			if (!element.isString() || element.asString().isBlank()) {
				return null;
			}
			texts.add(element.asString());
		}
		return texts;
	}

	private static @Nullable List<Integer> labels(@Nullable JsonNode array) {
		if (array == null || !array.isArray()) {
			return null;
		}
		List<Integer> labels = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			if (!element.isIntegralNumber() || element.asInt() < 0) {
				return null;
			}
			labels.add(element.asInt());
		}
		return labels;
	}

}
