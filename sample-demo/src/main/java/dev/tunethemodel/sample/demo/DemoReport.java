package dev.tunethemodel.sample.demo;

import java.util.List;

import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.Evaluation;

/**
 * What the demo found: the model it trained, how well it classifies the validation
 * reviews, and its verdict on each sentence.
 *
 * @param modelId the id of the trained model
 * @param evaluation the figures of the model on the validation reviews
 * @param verdicts the verdicts
 * @since 0.1.0
 */
public record DemoReport(String modelId, Figures evaluation, List<Verdict> verdicts) {

	/**
	 * The figures of the demo's model on the validation reviews, each label by its name.
	 *
	 * @param examples the number of validation reviews classified
	 * @param accuracy the share of them classified as labelled, from 0 to 1
	 * @param macroF1 the mean of the F1 of the labels, from 0 to 1
	 * @param labels the figures of each label, in the order of
	 * {@link SentimentDemoScript#LABELS}
	 */
	public record Figures(long examples, double accuracy, double macroF1, List<LabelFigures> labels) {

		/**
		 * Return the figures of an evaluation of the demo's model.
		 * @param evaluation the evaluation, its classes those of
		 * {@link SentimentDemoScript#LABELS}
		 * @return the figures, each label by its name
		 */
		public static Figures of(Evaluation evaluation) {
			List<LabelFigures> labels = evaluation.classes()
				.stream()
				.map((each) -> new LabelFigures(SentimentDemoScript.LABELS.name(each.index()), each.precision(),
						each.recall(), each.f1(), each.support()))
				.toList();
			return new Figures(evaluation.count(), evaluation.accuracy(), evaluation.macroF1(), labels);
		}

	}

	/**
	 * The figures of one label on the validation reviews.
	 *
	 * @param label the name of the label, such as {@code positive}
	 * @param precision the share of the reviews classified as the label that have it
	 * @param recall the share of the reviews that have the label that are classified as
	 * it
	 * @param f1 the harmonic mean of the precision and the recall
	 * @param support the number of reviews that have the label
	 */
	public record LabelFigures(String label, double precision, double recall, double f1, long support) {

	}

	/**
	 * The classifier's verdict on one sentence.
	 *
	 * @param sentence the sentence
	 * @param sentiment the label of the likeliest sentiment, {@code negative} or
	 * {@code positive}
	 * @param scores the probability of each sentiment, in the order of
	 * {@link SentimentDemoScript#LABELS}
	 */
	public record Verdict(String sentence, String sentiment, List<Double> scores) {

		/**
		 * Return the verdict of a classification of a sentence.
		 * @param sentence the sentence
		 * @param classification how the demo's classifier scored it
		 * @return the verdict, named after the likeliest sentiment
		 */
		public static Verdict of(String sentence, Classification classification) {
			return new Verdict(sentence, classification.bestLabel(SentimentDemoScript.LABELS), classification.scores());
		}

	}

}
