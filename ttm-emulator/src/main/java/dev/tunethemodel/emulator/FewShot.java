package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's {@code default-generator}, which needs no training: a prompt gives it
 * examples, one per line as {@code input -> output}, and ends with the line to complete;
 * it completes it as a generator trained on those examples would. A prompt without
 * examples is completed from its built-in examples.
 */
final class FewShot {

	private static final String ARROW = "->";

	private FewShot() {
	}

	/**
	 * Return the generator for a few-shot prompt.
	 * @param prompt the prompt
	 * @param builtIn the generator for a prompt without examples
	 * @return a generator trained on the prompt's examples, or the built-in one
	 */
	static TextGenerator generatorFor(String prompt, TextGenerator builtIn) {
		List<String> inputs = new ArrayList<>();
		List<String> outputs = new ArrayList<>();
		for (String line : prompt.split("\\R")) {
			int arrow = line.indexOf(ARROW);
			if (arrow > 0 && !line.substring(arrow + ARROW.length()).isBlank()) {
				inputs.add(line.substring(0, arrow).strip());
				outputs.add(line.substring(arrow + ARROW.length()).strip());
			}
		}
		return inputs.isEmpty() ? builtIn : new NearestExampleGenerator(inputs, outputs);
	}

	/**
	 * Find the line to complete in a few-shot prompt.
	 * @param prompt the prompt
	 * @return its last line, without a trailing arrow
	 */
	static String query(String prompt) {
		String[] lines = prompt.strip().split("\\R");
		String last = lines[lines.length - 1].strip();
		return last.endsWith(ARROW) ? last.substring(0, last.length() - ARROW.length()).strip() : last;
	}

}
