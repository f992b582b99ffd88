package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the texts of a generation among candidates scored by the words they share with
 * the prompt, as a language model samples: a candidate's probability grows with its score
 * over the temperature, {@code top_k} and {@code top_p} keep the likeliest, and the seed
 * makes it reproducible. The texts are distinct as long as the kept candidates last; then
 * they are drawn again from those.
 */
final class HypothesisSampler {

	// at the default temperature a shared word makes a text some 10^7 times likelier
	private static final double LOGIT_PER_SHARED_WORD = 10;

	private HypothesisSampler() {
	}

	/**
	 * Pick the texts.
	 * @param candidates distinct texts, in the order of their examples
	 * @param parameters the parameters of the generation
	 * @return {@code numHypos} texts, none if there are no candidates
	 */
	static List<String> sample(List<Candidate> candidates, GenerationParameters parameters) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		List<Candidate> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingInt(Candidate::sharedWords).reversed());
		double[] weights = weights(ranked, parameters);
		SplittableRandom random = new SplittableRandom(parameters.seed());
		boolean[] taken = new boolean[weights.length];
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < parameters.numHypos(); i++) {
			boolean[] excluded = (i < weights.length) ? taken : new boolean[weights.length];
			int pick = (parameters.temperature() == 0) ? first(excluded) : draw(weights, excluded, random);
			excluded[pick] = true;
			texts.add(ranked.get(pick).text());
		}
		return texts;
	}

	// the weights of the candidates kept by top_k and top_p, likeliest first
	private static double[] weights(List<Candidate> ranked, GenerationParameters parameters) {
		int kept = (parameters.topK() == 0) ? ranked.size() : Math.min(parameters.topK(), ranked.size());
		double[] weights = new double[kept];
		double total = 0;
		int best = ranked.get(0).sharedWords();
		// at temperature 0 only the order counts: no 0 / 0
		double temperature = Math.max(parameters.temperature(), Double.MIN_VALUE);
		for (int i = 0; i < kept; i++) {
			double logit = (ranked.get(i).sharedWords() - best) * LOGIT_PER_SHARED_WORD;
			weights[i] = Math.exp(logit / temperature);
			total += weights[i];
		}
		// at temperature 0 nothing is sampled, so there is no mass to cut
		if (parameters.topP() != null && parameters.temperature() > 0) {
			double mass = 0;
			for (int i = 0; i < kept; i++) {
				mass += weights[i] / total;
				if (mass >= parameters.topP()) {
					return Arrays.copyOf(weights, i + 1);
				}
			}
		}
		return weights;
	}

	private static int first(boolean[] taken) {
		int i = 0;
		while (taken[i]) {
			i++;
		}
		return i;
	}

	// by weight among those not taken; by rank when those weigh nothing
	private static int draw(double[] weights, boolean[] taken, SplittableRandom random) {
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			total += (taken[i]) ? 0 : weights[i];
		}
		if (total == 0) {
			return first(taken);
		}
		double draw = random.nextDouble() * total;
		int last = first(taken);
		for (int i = 0; i < weights.length; i++) {
			if (!taken[i] && weights[i] > 0) {
				last = i;
				draw -= weights[i];
				if (draw < 0) {
					return i;
				}
			}
		}
		return last;
	}

	/**
	 * A text a generation may respond with.
	 *
	 * @param text the text
	 * @param sharedWords how many words of the prompt its example shares
	 */
	record Candidate(String text, int sharedWords) {

	}

}
