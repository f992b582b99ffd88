package dev.tunethemodel.sample.demo;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.model.GenerateRequest;

/**
 * A text to classify or continue, as the samples' endpoints take it.
 *
 * @param input the text
 * @param numHypos how many texts to generate, 1 when not given
 * @since 0.1.0
 */
public record Text(String input, @Nullable Integer numHypos) {

	@Override
	public Integer numHypos() {
		return (this.numHypos != null) ? this.numHypos : 1;
	}

	/**
	 * Return the request to continue this text.
	 * @return the request, with the API's defaults but for the number of texts
	 */
	public GenerateRequest generateRequest() {
		return GenerateRequest.builder(this.input).numHypos(numHypos()).build();
	}

}
