package dev.tunethemodel.client;

import org.jspecify.annotations.Nullable;

/**
 * What to send with {@link TuneTheModelOperations#generate}. {@link #of(String)} gives
 * the official SDK's defaults; the {@code with…} methods return copies. The template
 * checks the request before it sends anything.
 *
 * @param input the prefix to continue, not empty
 * @param numHypos how many texts to generate, at least 1 (SDK default 1)
 * @param minTokens the fewest tokens to generate, at least 0 (SDK default 1)
 * @param maxTokens the most tokens to generate, at least {@code minTokens} (SDK default
 * 128)
 * @param temperature the sampling temperature, at least 0 (SDK default 0.6)
 * @param topK sample from the {@code topK} likeliest tokens, at least 0 (SDK default 50)
 * @param topP nucleus sampling probability, in {@code (0, 1]}, {@code null} for none (SDK
 * default)
 * @param seed the random seed, {@code null} for a random one (SDK default)
 * @param prefixTokensOnly whether to generate from the prefix's tokens only (SDK default
 * {@code false})
 * @param spanDelimiters the span delimiters, {@code null} for none (SDK default)
 * @since 0.1.0
 */
public record GenerateRequest(String input, int numHypos, int minTokens, int maxTokens, double temperature, int topK,
		@Nullable Double topP, @Nullable Long seed, boolean prefixTokensOnly, @Nullable String spanDelimiters) {

	/**
	 * Return a request for the given prefix with the official SDK's defaults.
	 * @param input the prefix to continue
	 * @return the request
	 */
	public static GenerateRequest of(String input) {
		return new GenerateRequest(input, 1, 1, 128, 0.6, 50, null, null, false, null);
	}

	/**
	 * Return a copy for another prefix.
	 * @param input the prefix to continue
	 * @return the copy
	 */
	public GenerateRequest withInput(String input) {
		return new GenerateRequest(input, this.numHypos, this.minTokens, this.maxTokens, this.temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy that generates the given number of texts.
	 * @param numHypos how many texts to generate
	 * @return the copy
	 */
	public GenerateRequest withNumHypos(int numHypos) {
		return new GenerateRequest(this.input, numHypos, this.minTokens, this.maxTokens, this.temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given minimum number of tokens.
	 * @param minTokens the fewest tokens to generate
	 * @return the copy
	 */
	public GenerateRequest withMinTokens(int minTokens) {
		return new GenerateRequest(this.input, this.numHypos, minTokens, this.maxTokens, this.temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given maximum number of tokens.
	 * @param maxTokens the most tokens to generate
	 * @return the copy
	 */
	public GenerateRequest withMaxTokens(int maxTokens) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, maxTokens, this.temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given sampling temperature.
	 * @param temperature the sampling temperature
	 * @return the copy
	 */
	public GenerateRequest withTemperature(double temperature) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy that samples from the given number of likeliest tokens.
	 * @param topK how many of the likeliest tokens to sample from
	 * @return the copy
	 */
	public GenerateRequest withTopK(int topK) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature, topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given nucleus sampling probability.
	 * @param topP the nucleus sampling probability, {@code null} for none
	 * @return the copy
	 */
	public GenerateRequest withTopP(@Nullable Double topP) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature,
				this.topK, topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given random seed.
	 * @param seed the random seed, {@code null} for a random one
	 * @return the copy
	 */
	public GenerateRequest withSeed(@Nullable Long seed) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature,
				this.topK, this.topP, seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy that does or does not generate from the prefix's tokens only.
	 * @param prefixTokensOnly whether to generate from the prefix's tokens only
	 * @return the copy
	 */
	public GenerateRequest withPrefixTokensOnly(boolean prefixTokensOnly) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature,
				this.topK, this.topP, this.seed, prefixTokensOnly, this.spanDelimiters);
	}

	/**
	 * Return a copy with the given span delimiters.
	 * @param spanDelimiters the span delimiters, {@code null} for none
	 * @return the copy
	 */
	public GenerateRequest withSpanDelimiters(@Nullable String spanDelimiters) {
		return new GenerateRequest(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature,
				this.topK, this.topP, this.seed, this.prefixTokensOnly, spanDelimiters);
	}

}
