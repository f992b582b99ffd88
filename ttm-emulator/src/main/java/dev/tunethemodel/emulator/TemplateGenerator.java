package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A public generator of the emulator: it responds with the outputs of its built-in
 * examples nearest the prompt, in which {@code {input}} stands for the prompt; the
 * examples without a prompt respond when no other shares a word with it, so that a
 * response relates to the prompt even when no example does.
 */
final class TemplateGenerator implements TextGenerator {

	private static final String INPUT = "{input}";

	private final NearestExampleGenerator nearest;

	private final NearestExampleGenerator fallback;

	/**
	 * Create a generator.
	 * @param inputs the prompts of the examples, empty for the responses to any prompt
	 * @param templates the response to each, with {@code {input}} for the prompt
	 */
	TemplateGenerator(List<String> inputs, List<String> templates) {
		List<String> prompts = new ArrayList<>();
		List<String> responses = new ArrayList<>();
		List<String> anyPrompt = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			if (inputs.get(i).isBlank()) {
				anyPrompt.add(templates.get(i));
			}
			else {
				prompts.add(inputs.get(i));
				responses.add(templates.get(i));
			}
		}
		this.nearest = new NearestExampleGenerator(prompts, responses);
		this.fallback = new NearestExampleGenerator(anyPrompt.stream().map((template) -> "").toList(), anyPrompt);
	}

	@Override
	public List<String> generate(String prompt, GenerationParameters parameters) {
		boolean known = this.nearest.sharesWordsWith(prompt) || this.fallback.isEmpty();
		return (known ? this.nearest : this.fallback).generate(prompt, parameters.wholeTexts())
			.stream()
			.map((template) -> parameters.withinTokens(template.replace(INPUT, prompt.strip())))
			.toList();
	}

}
