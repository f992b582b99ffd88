package dev.tunethemodel.client;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.dataset.ExamplePositions;
import dev.tunethemodel.client.dataset.ExamplePositions.Position;
import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * The rules a dataset must follow before it is sent, checked one example at a time as the
 * examples arrive: at least {@value #MIN_EXAMPLES} examples (the official SDK's minimum),
 * examples of the task's kind, no empty text, and a classifier's labels from 0 to its
 * number of classes minus one.
 */
final class DatasetRules {

	static final int MIN_EXAMPLES = 32;

	private final ModelType taskType;

	private final @Nullable Integer numClasses;

	private final String dataset;

	private final ExamplePositions positions;

	/**
	 * Create the rules of one dataset.
	 * @param taskType the kind of model the dataset trains
	 * @param numClasses the number of classes of the classifier, {@code null} when
	 * unknown
	 * @param dataset how messages name the dataset, as in {@code the training dataset}
	 * @param positions where the examples came from
	 */
	DatasetRules(ModelType taskType, @Nullable Integer numClasses, String dataset, ExamplePositions positions) {
		this.taskType = taskType;
		this.numClasses = numClasses;
		this.dataset = dataset;
		this.positions = positions;
	}

	ModelType taskType() {
		return this.taskType;
	}

	ExamplePositions positions() {
		return this.positions;
	}

	/**
	 * Check one example.
	 * @param example the example
	 * @param number its number in the dataset, from 1
	 * @throws InvalidDatasetException if it breaks a rule
	 */
	void check(TrainingExample example, long number) {
		if (this.taskType == ModelType.CLASSIFIER) {
			ClassifierExample classifierExample = as(ClassifierExample.class, example, number);
			requireText(example, number, "input", classifierExample.input());
			int label = classifierExample.label();
			if (label < 0 || (this.numClasses != null && label >= this.numClasses)) {
				throw invalid(example, number, "has the label " + label + ": the labels " + ((this.numClasses != null)
						? "of this classifier are 0 to " + (this.numClasses - 1) : "are 0 or more"));
			}
		}
		else {
			GeneratorExample generatorExample = as(GeneratorExample.class, example, number);
			requireText(example, number, "input", generatorExample.input());
			requireText(example, number, "output", generatorExample.output());
		}
	}

	/**
	 * Check the size of the whole dataset.
	 * @param count how many examples it has
	 * @throws InvalidDatasetException if it has too few
	 */
	void checkCount(long count) {
		if (count < MIN_EXAMPLES) {
			throw new InvalidDatasetException(Character.toUpperCase(this.dataset.charAt(0)) + this.dataset.substring(1)
					+ " has " + count + " examples, but the API needs at least " + MIN_EXAMPLES, 0, null);
		}
	}

	private <T extends TrainingExample> T as(Class<T> type, TrainingExample example, long number) {
		if (!type.isInstance(example)) {
			throw invalid(example, number, "is a " + example.getClass().getSimpleName() + ", but the dataset is for a "
					+ this.taskType.apiValue() + ": use " + type.getSimpleName() + "s");
		}
		return type.cast(example);
	}

	private void requireText(TrainingExample example, long number, String what, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw invalid(example, number, "has an empty " + what);
		}
	}

	private InvalidDatasetException invalid(TrainingExample example, long number, String problem) {
		Position position = this.positions.find(example);
		String where = (position != null) ? " (line " + position.line() + " of " + position.source() + ")" : "";
		return new InvalidDatasetException("Example " + number + " of " + this.dataset + where + " " + problem, number,
				(position != null) ? position.line() : null);
	}

}
