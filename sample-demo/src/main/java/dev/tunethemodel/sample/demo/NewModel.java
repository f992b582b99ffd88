package dev.tunethemodel.sample.demo;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.model.CreateModelRequest;

/**
 * A model to create, as the samples' {@code POST /models} takes it.
 *
 * @param name its name
 * @param type {@code classifier} or {@code generator}
 * @param numClasses the number of classes of a classifier
 * @since 0.1.0
 */
public record NewModel(@Nullable String name, String type, @Nullable Integer numClasses) {

	/**
	 * Return the request to create this model; the client checks it before any call.
	 * @return the request
	 */
	public CreateModelRequest request() {
		return "classifier".equalsIgnoreCase(this.type)
				? CreateModelRequest.classifier(this.name, (this.numClasses != null) ? this.numClasses : 0)
				: CreateModelRequest.generator(this.name);
	}

}
