package dev.tunethemodel.sample.demo;

import java.util.List;

import dev.tunethemodel.client.Classification;

/**
 * What the demo found: the model it trained and its verdict on each sentence.
 *
 * @param modelId the id of the trained model
 * @param verdicts the verdicts
 * @since 0.1.0
 */
public record DemoReport(String modelId, List<Verdict> verdicts) {

	/**
	 * The classifier's verdict on one sentence.
	 *
	 * @param sentence the sentence
	 * @param sentiment {@code negative} or {@code positive}
	 * @param scores the probability of each sentiment
	 */
	public record Verdict(String sentence, String sentiment, List<Double> scores) {

		/**
		 * Return the verdict of a classification of a sentence.
		 * @param sentence the sentence
		 * @param classification how the demo's classifier scored it
		 * @return the verdict, named after the likeliest sentiment
		 */
		public static Verdict of(String sentence, Classification classification) {
			return new Verdict(sentence, SentimentDemoScript.SENTIMENTS.get(classification.bestClass()),
					classification.scores());
		}

	}

}
