package dev.tunethemodel.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded dataset, {@code {"inputs": [...], "classes": [...]}} or {@code {"inputs":
 * [...], "outputs": [...]}}: the examples a model learns from, and what makes it
 * unusable, if anything.
 *
 * @param inputs the texts learnt from
 * @param classes the labels learnt from of a classifier's dataset, empty for a
 * generator's
 * @param outputs the texts to generate learnt from of a generator's dataset, empty for a
 * classifier's
 * @param maxLabel the greatest label of the whole dataset, -1 for none
 * @param problem why the API cannot use it, {@code null} when it can
 */
record Dataset(List<String> inputs, List<Integer> classes, List<String> outputs, int maxLabel,
		@Nullable String problem) {

	static final int MIN_EXAMPLES = 32;

	static Dataset unusable(String problem) {
		return new Dataset(List.of(), List.of(), List.of(), -1, problem);
	}

	boolean usable() {
		return this.problem == null;
	}

}
