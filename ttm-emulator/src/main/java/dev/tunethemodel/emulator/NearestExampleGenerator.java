package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The emulator's generator: it answers with the outputs of the training examples whose
 * inputs share the most words with the prompt.
 */
final class NearestExampleGenerator implements TextGenerator {

	private final List<Example> examples = new ArrayList<>();

	/**
	 * Train a generator.
	 * @param inputs the prompts
	 * @param outputs the text to answer to each
	 */
	NearestExampleGenerator(List<String> inputs, List<String> outputs) {
		for (int i = 0; i < inputs.size(); i++) {
			this.examples.add(new Example(new HashSet<>(Words.of(inputs.get(i))), outputs.get(i), i));
		}
	}

	/**
	 * Return the answers to a prompt: distinct outputs, best first, as many as asked when
	 * there are that many; the best repeated otherwise.
	 * @param prompt the prompt
	 * @param count how many answers
	 * @param maxTokens the most words of an answer
	 * @return the answers
	 */
	@Override
	public List<String> generate(String prompt, int count, int maxTokens) {
		Set<String> words = new HashSet<>(Words.of(prompt));
		List<Example> ranked = new ArrayList<>(this.examples);
		ranked.sort(
				Comparator.comparingInt((Example example) -> -example.shared(words)).thenComparingInt(Example::index));
		Set<String> distinct = new LinkedHashSet<>();
		for (Example example : ranked) {
			if (distinct.size() == count) {
				break;
			}
			distinct.add(truncate(example.output(), maxTokens));
		}
		List<String> answers = new ArrayList<>(distinct);
		while (!answers.isEmpty() && answers.size() < count) {
			answers.add(answers.get(0));
		}
		return answers;
	}

	/**
	 * Cut a text to its first words.
	 * @param text the text
	 * @param maxTokens the most words to keep
	 * @return the text, or its first {@code maxTokens} words
	 */
	static String truncate(String text, int maxTokens) {
		String[] tokens = text.split("\\s+");
		return (tokens.length <= maxTokens) ? text : String.join(" ", java.util.Arrays.copyOf(tokens, maxTokens));
	}

	private record Example(Set<String> words, String output, int index) {

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
