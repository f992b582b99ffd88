package dev.tunethemodel.client.model;

/**
 * A labelled text for training a classifier.
 *
 * @param input the text
 * @param label its class, from {@code 0} to the model's number of classes minus one
 * @since 0.1.0
 */
public record ClassifierExample(String input, int label) implements TrainingExample {

}
