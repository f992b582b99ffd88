package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's generator: it responds with the outputs of the training examples whose
 * inputs share the most words with the prompt, sampled as a language model's would be.
 */
final class NearestExampleGenerator implements TextGenerator {

	private final List<Example> examples = new ArrayList<>();

	/**
	 * Train a generator.
	 * @param inputs the prompts
	 * @param outputs the response to each
	 */
	NearestExampleGenerator(List<String> inputs, List<String> outputs) {
		for (int i = 0; i < inputs.size(); i++) {
			this.examples.add(new Example(new HashSet<>(Words.of(inputs.get(i))), outputs.get(i)));
		}
	}

	/**
	 * Return the responses to a prompt: outputs of the examples, likelier the more words
	 * of the prompt their inputs share, sampled as the parameters ask.
	 * @param prompt the prompt
	 * @param parameters the parameters of the generation
	 * @return the responses
	 */
	@Override
	public List<String> generate(String prompt, GenerationParameters parameters) {
		Set<String> words = new HashSet<>(Words.of(prompt));
		Map<String, Integer> sharedWords = new LinkedHashMap<>();
		for (Example example : this.examples) {
			sharedWords.merge(parameters.withinTokens(example.output()), example.shared(words), Math::max);
		}
		List<HypothesisSampler.Candidate> candidates = new ArrayList<>();
		sharedWords.forEach((text, shared) -> candidates.add(new HypothesisSampler.Candidate(text, shared)));
		return HypothesisSampler.sample(candidates, parameters);
	}

	/**
	 * Return whether the input of an example shares a word with a prompt.
	 * @param prompt the prompt
	 * @return whether an example is nearer the prompt than any other text
	 */
	boolean sharesWordsWith(String prompt) {
		Set<String> words = new HashSet<>(Words.of(prompt));
		return this.examples.stream().anyMatch((example) -> example.shared(words) > 0);
	}

	/**
	 * Return whether this generator has no example.
	 * @return whether it was trained on nothing
	 */
	boolean isEmpty() {
		return this.examples.isEmpty();
	}

	private record Example(Set<String> words, String output) {

		int shared(Set<String> prompt) {
			int shared = 0;
			for (String word : this.words) {
				if (prompt.contains(word)) {
					shared++;
				}
			}
			return shared;
		}

	}

}
