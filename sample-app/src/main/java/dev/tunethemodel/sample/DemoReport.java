package dev.tunethemodel.sample;

import java.util.List;

/**
 * What the demo found: the model it trained and its verdict on each sentence.
 *
 * @param modelId the id of the trained model
 * @param verdicts the verdicts
 */
record DemoReport(String modelId, List<Verdict> verdicts) {

	/**
	 * The classifier's verdict on one sentence.
	 *
	 * @param sentence the sentence
	 * @param sentiment {@code negative} or {@code positive}
	 * @param scores the probability of each sentiment
	 */
	record Verdict(String sentence, String sentiment, List<Double> scores) {

	}

}
