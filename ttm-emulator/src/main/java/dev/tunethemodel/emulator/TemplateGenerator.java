package dev.tunethemodel.emulator;

import java.util.List;

/**
 * A public generator of the emulator: it answers with the outputs of its built-in
 * examples nearest the prompt, in which {@code {input}} stands for the prompt, so that an
 * answer relates to the prompt even when no example does.
 */
final class TemplateGenerator implements TextGenerator {

	private static final String INPUT = "{input}";

	private final NearestExampleGenerator nearest;

	/**
	 * Create a generator.
	 * @param inputs the prompts of the examples
	 * @param templates the answer to each, with {@code {input}} for the prompt
	 */
	TemplateGenerator(List<String> inputs, List<String> templates) {
		this.nearest = new NearestExampleGenerator(inputs, templates);
	}

	@Override
	public List<String> generate(String prompt, int count, int maxTokens) {
		return this.nearest.generate(prompt, count, Integer.MAX_VALUE)
			.stream()
			.map((template) -> NearestExampleGenerator.truncate(template.replace(INPUT, prompt.strip()), maxTokens))
			.toList();
	}

}
