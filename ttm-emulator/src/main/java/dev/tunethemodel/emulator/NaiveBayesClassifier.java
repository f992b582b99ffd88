package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes classifier over lower-cased word unigrams, with add-one
 * smoothing: the emulator's classifier.
 */
final class NaiveBayesClassifier {

	private final int numClasses;

	private final double[] logPriors;

	private final List<Map<String, Integer>> wordCounts;

	private final long[] totalWords;

	private final int vocabularySize;

	/**
	 * Train a classifier.
	 * @param inputs the texts
	 * @param labels the class of each text, from 0 to {@code numClasses - 1}
	 * @param numClasses the number of classes
	 */
	NaiveBayesClassifier(List<String> inputs, List<Integer> labels, int numClasses) {
		this.numClasses = numClasses;
		this.logPriors = new double[numClasses];
		this.wordCounts = new ArrayList<>();
		this.totalWords = new long[numClasses];
		int[] examples = new int[numClasses];
		Set<String> vocabulary = new HashSet<>();
		for (int c = 0; c < numClasses; c++) {
			this.wordCounts.add(new HashMap<>());
		}
		for (int i = 0; i < inputs.size(); i++) {
			int label = labels.get(i);
			examples[label]++;
			for (String word : Words.of(inputs.get(i))) {
				this.wordCounts.get(label).merge(word, 1, Integer::sum);
				this.totalWords[label]++;
				vocabulary.add(word);
			}
		}
		for (int c = 0; c < numClasses; c++) {
			// smoothed, so that a class without examples keeps a chance
			this.logPriors[c] = Math.log((examples[c] + 1.0) / (inputs.size() + numClasses));
		}
		this.vocabularySize = Math.max(vocabulary.size(), 1);
	}

	/**
	 * Return the probability of each class for a text.
	 * @param input the text
	 * @return one probability per class, summing to 1
	 */
	double[] classify(String input) {
		List<String> words = Words.of(input);
		double[] logScores = new double[this.numClasses];
		for (int c = 0; c < this.numClasses; c++) {
			double score = this.logPriors[c];
			for (String word : words) {
				int count = this.wordCounts.get(c).getOrDefault(word, 0);
				score += Math.log((count + 1.0) / (this.totalWords[c] + this.vocabularySize));
			}
			logScores[c] = score;
		}
		return softmax(logScores);
	}

	private static double[] softmax(double[] logScores) {
		double max = Double.NEGATIVE_INFINITY;
		for (double score : logScores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		double[] probabilities = new double[logScores.length];
		for (int c = 0; c < logScores.length; c++) {
			probabilities[c] = Math.exp(logScores[c] - max);
			sum += probabilities[c];
		}
		for (int c = 0; c < logScores.length; c++) {
			probabilities[c] /= sum;
		}
		return probabilities;
	}

}
