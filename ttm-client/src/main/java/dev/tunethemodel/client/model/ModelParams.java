package dev.tunethemodel.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The training parameters of a model.
 *
 * @param numClasses the number of classes of a classifier, {@code null} for a generator
 * @param trainIters the number of training iterations, {@code null} for the API's default
 * @since 0.1.0
 */
public record ModelParams(@Nullable Integer numClasses, @Nullable Integer trainIters) {

	/**
	 * The parameters of a model whose response gives none.
	 */
	public static final ModelParams NONE = new ModelParams(null, null);

}
