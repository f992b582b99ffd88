package dev.tunethemodel.emulator;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of a generation, with the official SDK's defaults for those not sent.
 *
 * @param numHypos how many texts to generate
 * @param minTokens the fewest words of a text
 * @param maxTokens the maximum number of words of a text
 * @param temperature the sampling temperature, 0 for the likeliest texts in order
 * @param topK how many of the likeliest texts to sample from, 0 for all
 * @param topP the probability mass of the likeliest texts to sample from, {@code null}
 * for all
 * @param seed the seed of the sampling
 */
record GenerationParameters(int numHypos, int minTokens, int maxTokens, double temperature, int topK,
		@Nullable Double topP, long seed) {

	private static final double DEFAULT_TEMPERATURE = 0.6;

	private static final int DEFAULT_TOP_K = 50;

	private static final int DEFAULT_MAX_TOKENS = 128;

	/**
	 * Read the parameters of a request, refusing any out of bounds.
	 * @param body the request
	 * @param input the prefix to continue, which seeds the sampling when the request has
	 * no seed, so that the same request gets the same texts
	 * @return the parameters
	 */
	static GenerationParameters read(JsonNode body, String input) {
		int numHypos = orDefault(JsonFields.wholeInt(body, "num_hypos", 1, EmulatorLimits.MAX_NUM_HYPOS), 1);
		int maxTokens = orDefault(JsonFields.wholeInt(body, "max_tokens", 1, EmulatorLimits.MAX_TOKENS),
				DEFAULT_MAX_TOKENS);
		int minTokens = orDefault(JsonFields.wholeInt(body, "min_tokens", 0, EmulatorLimits.MAX_TOKENS), 1);
		if (minTokens > maxTokens) {
			throw EmulatorException
				.badRequest("min_tokens must be at most max_tokens (" + maxTokens + "), but is " + minTokens);
		}
		Double temperature = JsonFields.number(body, "temperature", (value) -> value >= 0 && Double.isFinite(value),
				"a finite number of 0 or more");
		int topK = orDefault(JsonFields.wholeInt(body, "top_k", 0, Integer.MAX_VALUE), DEFAULT_TOP_K);
		Double topP = JsonFields.number(body, "top_p", (value) -> value > 0 && value <= 1,
				"a number greater than 0 and at most 1");
		Long seed = JsonFields.wholeNumber(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
		// checked, though whole examples have no tokens to restrict nor spans to mark
		JsonFields.bool(body, "prefix_tokens_only");
		JsonFields.text(body, "span_delimiters");
		return new GenerationParameters(numHypos, minTokens, maxTokens, orDefault(temperature, DEFAULT_TEMPERATURE),
				topK, topP, orDefault(seed, (long) input.hashCode()));
	}

	private static <T> T orDefault(@Nullable T value, T absent) {
		return (value != null) ? value : absent;
	}

	/**
	 * Bring a text within the tokens asked for: cut after {@code maxTokens} words, or pad
	 * it with its own words up to {@code minTokens}, as a tiny model that may not stop
	 * would.
	 * @param text the text, not blank
	 * @return the text, unchanged when it has as many words as asked for
	 */
	String withinTokens(String text) {
		String[] tokens = text.strip().split("\\s+");
		if (tokens.length > this.maxTokens) {
			return String.join(" ", Arrays.copyOf(tokens, this.maxTokens));
		}
		if (tokens.length >= this.minTokens) {
			return text;
		}
		StringBuilder longer = new StringBuilder(text.strip());
		for (int i = tokens.length; i < this.minTokens; i++) {
			longer.append(' ').append(tokens[i % tokens.length]);
		}
		return longer.toString();
	}

	/**
	 * Return the same sampling with texts kept whole, for texts that are changed before
	 * they are returned.
	 * @return the parameters without bounds on the words of a text
	 */
	GenerationParameters wholeTexts() {
		return new GenerationParameters(this.numHypos, 0, Integer.MAX_VALUE, this.temperature, this.topK, this.topP,
				this.seed);
	}

}
