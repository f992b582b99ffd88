package dev.tunethemodel.client.model;

/**
 * A text and the continuation a generator should learn to write for it.
 *
 * @param input the prompt
 * @param output the text to generate for it
 * @since 0.1.0
 */
public record GeneratorExample(String input, String output) implements TrainingExample {

}
