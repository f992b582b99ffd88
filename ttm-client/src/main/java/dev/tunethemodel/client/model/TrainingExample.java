package dev.tunethemodel.client.model;

/**
 * One example of a dataset: a {@link ClassifierExample} for a classifier, a
 * {@link GeneratorExample} for a generator.
 *
 * @since 0.1.0
 */
public sealed interface TrainingExample permits ClassifierExample, GeneratorExample {

	/**
	 * Return the text the model reads.
	 * @return the input text
	 */
	String input();

}
