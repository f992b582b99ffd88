package dev.tunethemodel.client.model;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * What to create with {@link TuneTheModelOperations#createModel}. Start from
 * {@link #classifier(String, int)} or {@link #generator(String)}; the {@code with…}
 * methods return copies. The template checks the request before it sends anything.
 *
 * @param type what the model does
 * @param name a name for the model, {@code null} for none
 * @param numClasses the number of classes of a classifier (at least 2), {@code null} for
 * a generator
 * @param trainIters the number of training iterations, {@code null} for the API's default
 * @param pretrainedModel the pretrained model to tune, {@code null} for the API's default
 * @param labels the names of a classifier's classes, which are not sent: they name the
 * classes of the evaluation at the end of
 * {@link TuneTheModelOperations#trainWithProgress}; {@code null} for none
 * @since 0.1.0
 */
public record CreateModelRequest(ModelType type, @Nullable String name, @Nullable Integer numClasses,
		@Nullable Integer trainIters, @Nullable String pretrainedModel, @Nullable ClassLabels labels) {

	/**
	 * Create a request without label names.
	 * @param type what the model does
	 * @param name a name for the model, {@code null} for none
	 * @param numClasses the number of classes of a classifier (at least 2), {@code null}
	 * for a generator
	 * @param trainIters the number of training iterations, {@code null} for the API's
	 * default
	 * @param pretrainedModel the pretrained model to tune, {@code null} for the API's
	 * default
	 */
	public CreateModelRequest(ModelType type, @Nullable String name, @Nullable Integer numClasses,
			@Nullable Integer trainIters, @Nullable String pretrainedModel) {
		this(type, name, numClasses, trainIters, pretrainedModel, null);
	}

	/**
	 * Return a request for a classifier.
	 * @param name a name for the model, {@code null} for none
	 * @param numClasses the number of classes, at least 2
	 * @return the request
	 */
	public static CreateModelRequest classifier(@Nullable String name, int numClasses) {
		return new CreateModelRequest(ModelType.CLASSIFIER, name, numClasses, null, null);
	}

	/**
	 * Return a request for a classifier of the given labels, one class for each name. The
	 * names are not sent: they name the classes of the evaluation at the end of
	 * {@link TuneTheModelOperations#trainWithProgress}.
	 * @param name a name for the model, {@code null} for none
	 * @param labels the names of the classes, which give their number
	 * @return the request
	 */
	public static CreateModelRequest classifier(@Nullable String name, ClassLabels labels) {
		Assert.notNull(labels, "The labels must not be null");
		return new CreateModelRequest(ModelType.CLASSIFIER, name, labels.size(), null, null, labels);
	}

	/**
	 * Return a request for a generator.
	 * @param name a name for the model, {@code null} for none
	 * @return the request
	 */
	public static CreateModelRequest generator(@Nullable String name) {
		return new CreateModelRequest(ModelType.GENERATOR, name, null, null, null);
	}

	/**
	 * Return a copy with the given number of training iterations.
	 * @param trainIters the number of training iterations, at least 1
	 * @return the copy
	 */
	public CreateModelRequest withTrainIters(int trainIters) {
		return new CreateModelRequest(this.type, this.name, this.numClasses, trainIters, this.pretrainedModel,
				this.labels);
	}

	/**
	 * Return a copy that tunes the given pretrained model.
	 * @param pretrainedModel the name of a pretrained model
	 * @return the copy
	 */
	public CreateModelRequest withPretrainedModel(String pretrainedModel) {
		return new CreateModelRequest(this.type, this.name, this.numClasses, this.trainIters, pretrainedModel,
				this.labels);
	}

}
