package dev.tunethemodel.autoconfigure.ai;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.tunethemodel.ai.TuneTheModelChatOptions;

/**
 * Configuration properties of the Tune the Model chat model, {@code tunethemodel.chat.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(TuneTheModelChatProperties.PREFIX)
public class TuneTheModelChatProperties {

	/**
	 * The prefix of the properties.
	 */
	public static final String PREFIX = "tunethemodel.chat";

	/**
	 * Id of the generator that answers the prompts. Setting it gives the application a
	 * Spring AI ChatModel.
	 */
	private @Nullable String modelId;

	/**
	 * Default options of the prompts, which a prompt's own options override.
	 */
	private final Options options = new Options();

	public @Nullable String getModelId() {
		return this.modelId;
	}

	public void setModelId(@Nullable String modelId) {
		this.modelId = modelId;
	}

	public Options getOptions() {
		return this.options;
	}

	/**
	 * Return the default options of the chat model, with its model id.
	 * @return the default options
	 */
	TuneTheModelChatOptions toOptions() {
		return TuneTheModelChatOptions.builder()
			.model(this.modelId)
			.temperature(this.options.temperature)
			.topK(this.options.topK)
			.topP(this.options.topP)
			.maxTokens(this.options.maxTokens)
			.numHypos(this.options.numHypos)
			.minTokens(this.options.minTokens)
			.seed(this.options.seed)
			.prefixTokensOnly(this.options.prefixTokensOnly)
			.spanDelimiters(this.options.spanDelimiters)
			.build();
	}

	/**
	 * Default options of the prompts; one left unset keeps the API's default.
	 */
	public static class Options {

		/**
		 * Sampling temperature, at least 0: higher gives more varied texts.
		 */
		private @Nullable Double temperature;

		/**
		 * Number of most likely tokens to sample from, at least 0.
		 */
		private @Nullable Integer topK;

		/**
		 * Cumulative probability of the tokens to sample from, greater than 0 and at most
		 * 1.
		 */
		private @Nullable Double topP;

		/**
		 * Maximum number of tokens to generate.
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Number of texts to generate, each one generation of the response, at least 1.
		 */
		private @Nullable Integer numHypos;

		/**
		 * Minimum number of tokens to generate, at least 0.
		 */
		private @Nullable Integer minTokens;

		/**
		 * Random seed, for repeatable texts.
		 */
		private @Nullable Long seed;

		/**
		 * Whether to generate from the prefix's tokens only.
		 */
		private @Nullable Boolean prefixTokensOnly;

		/**
		 * Span delimiters.
		 */
		private @Nullable String spanDelimiters;

		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		public void setTemperature(@Nullable Double temperature) {
			this.temperature = temperature;
		}

		public @Nullable Integer getTopK() {
			return this.topK;
		}

		public void setTopK(@Nullable Integer topK) {
			this.topK = topK;
		}

		public @Nullable Double getTopP() {
			return this.topP;
		}

		public void setTopP(@Nullable Double topP) {
			this.topP = topP;
		}

		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		public @Nullable Integer getNumHypos() {
			return this.numHypos;
		}

		public void setNumHypos(@Nullable Integer numHypos) {
			this.numHypos = numHypos;
		}

		public @Nullable Integer getMinTokens() {
			return this.minTokens;
		}

		public void setMinTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
		}

		public @Nullable Long getSeed() {
			return this.seed;
		}

		public void setSeed(@Nullable Long seed) {
			this.seed = seed;
		}

		public @Nullable Boolean getPrefixTokensOnly() {
			return this.prefixTokensOnly;
		}

		public void setPrefixTokensOnly(@Nullable Boolean prefixTokensOnly) {
			this.prefixTokensOnly = prefixTokensOnly;
		}

		public @Nullable String getSpanDelimiters() {
			return this.spanDelimiters;
		}

		public void setSpanDelimiters(@Nullable String spanDelimiters) {
			this.spanDelimiters = spanDelimiters;
		}

	}

}
