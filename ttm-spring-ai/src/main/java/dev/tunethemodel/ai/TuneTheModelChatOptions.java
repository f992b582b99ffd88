package dev.tunethemodel.ai;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;

import dev.tunethemodel.client.model.GenerateRequest;

/**
 * The options of a {@link TuneTheModelChatModel}: the portable ones a generator has
 * ({@code model}, the id of the generator, {@code temperature}, {@code topK},
 * {@code topP} and {@code maxTokens}) and its own ({@code numHypos}, {@code minTokens},
 * {@code seed}, {@code prefixTokensOnly} and {@code spanDelimiters}). An option left
 * unset keeps the official SDK's default, as {@link GenerateRequest#of(String)} has it.
 * Options are immutable; {@link #mutate()} copies them to change some.
 * <p>
 * A generator cannot honour stop sequences, frequency or presence penalties, tools, nor
 * another provider's own options: setting one is refused with an
 * {@link IllegalArgumentException} that names it, and nothing is sent.
 *
 * @since 0.1.0
 */
public final class TuneTheModelChatOptions implements ChatOptions {

	private final @Nullable String model;

	private final @Nullable Double temperature;

	private final @Nullable Integer topK;

	private final @Nullable Double topP;

	private final @Nullable Integer maxTokens;

	private final @Nullable Integer numHypos;

	private final @Nullable Integer minTokens;

	private final @Nullable Long seed;

	private final @Nullable Boolean prefixTokensOnly;

	private final @Nullable String spanDelimiters;

	private TuneTheModelChatOptions(Builder builder) {
		this.model = builder.model;
		this.temperature = builder.temperature;
		this.topK = builder.topK;
		this.topP = builder.topP;
		this.maxTokens = builder.maxTokens;
		this.numHypos = builder.numHypos;
		this.minTokens = builder.minTokens;
		this.seed = builder.seed;
		this.prefixTokensOnly = builder.prefixTokensOnly;
		this.spanDelimiters = builder.spanDelimiters;
	}

	/**
	 * Return a builder of options, all unset. <pre class="code">
	 * TuneTheModelChatOptions.builder().model("my-generator").numHypos(2).temperature(0.5).build();
	 * </pre>
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Builder mutate() {
		return new Builder().combineWith(this);
	}

	/**
	 * Return the id of the generator.
	 * @return the model id, or {@code null} if unset
	 */
	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	// a generator has no penalties nor stop sequences: the builder refuses them
	@Override
	public @Nullable Double getFrequencyPenalty() {
		return null;
	}

	@Override
	public @Nullable Double getPresencePenalty() {
		return null;
	}

	@Override
	public @Nullable List<String> getStopSequences() {
		return null;
	}

	/**
	 * Return how many texts to generate, each one generation of the response.
	 * @return the number, or {@code null} if unset
	 */
	public @Nullable Integer getNumHypos() {
		return this.numHypos;
	}

	/**
	 * Return the minimum number of tokens to generate.
	 * @return the number, or {@code null} if unset
	 */
	public @Nullable Integer getMinTokens() {
		return this.minTokens;
	}

	/**
	 * Return the random seed.
	 * @return the seed, or {@code null} if unset
	 */
	public @Nullable Long getSeed() {
		return this.seed;
	}

	/**
	 * Return whether to generate from the prefix's tokens only.
	 * @return whether to, or {@code null} if unset
	 */
	public @Nullable Boolean getPrefixTokensOnly() {
		return this.prefixTokensOnly;
	}

	/**
	 * Return the span delimiters.
	 * @return the delimiters, or {@code null} if unset
	 */
	public @Nullable String getSpanDelimiters() {
		return this.spanDelimiters;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return this == obj || (obj instanceof TuneTheModelChatOptions other && Objects.equals(this.model, other.model)
				&& Objects.equals(this.temperature, other.temperature) && Objects.equals(this.topK, other.topK)
				&& Objects.equals(this.topP, other.topP) && Objects.equals(this.maxTokens, other.maxTokens)
				&& Objects.equals(this.numHypos, other.numHypos) && Objects.equals(this.minTokens, other.minTokens)
				&& Objects.equals(this.seed, other.seed)
				&& Objects.equals(this.prefixTokensOnly, other.prefixTokensOnly)
				&& Objects.equals(this.spanDelimiters, other.spanDelimiters));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.temperature, this.topK, this.topP, this.maxTokens, this.numHypos,
				this.minTokens, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	@Override
	public String toString() {
		return "TuneTheModelChatOptions[model=" + this.model + ", temperature=" + this.temperature + ", topK="
				+ this.topK + ", topP=" + this.topP + ", maxTokens=" + this.maxTokens + ", numHypos=" + this.numHypos
				+ ", minTokens=" + this.minTokens + ", seed=" + this.seed + ", prefixTokensOnly="
				+ this.prefixTokensOnly + ", spanDelimiters=" + this.spanDelimiters + "]";
	}

	/**
	 * Builds {@link TuneTheModelChatOptions}; Spring AI's {@code ChatClient} merges one
	 * into the model's default options with {@link #combineWith}.
	 */
	public static final class Builder implements ChatOptions.Builder<Builder> {

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Integer topK;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private @Nullable Integer numHypos;

		private @Nullable Integer minTokens;

		private @Nullable Long seed;

		private @Nullable Boolean prefixTokensOnly;

		private @Nullable String spanDelimiters;

		private Builder() {
		}

		@Override
		public Builder clone() {
			return new Builder().combineWith(this);
		}

		/**
		 * Set the id of the generator.
		 * @param model the model id
		 * @return this builder
		 */
		@Override
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		@Override
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		@Override
		public Builder topK(@Nullable Integer topK) {
			this.topK = topK;
			return this;
		}

		@Override
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		@Override
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Refuse a frequency penalty, which a generator cannot honour.
		 * @param frequencyPenalty {@code null}, the only value accepted
		 * @return this builder
		 * @throws IllegalArgumentException if the penalty is not {@code null}
		 */
		@Override
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			PortableOptions.refuseIfSet("frequencyPenalty", frequencyPenalty);
			return this;
		}

		/**
		 * Refuse a presence penalty, which a generator cannot honour.
		 * @param presencePenalty {@code null}, the only value accepted
		 * @return this builder
		 * @throws IllegalArgumentException if the penalty is not {@code null}
		 */
		@Override
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			PortableOptions.refuseIfSet("presencePenalty", presencePenalty);
			return this;
		}

		/**
		 * Refuse stop sequences, which a generator cannot honour.
		 * @param stopSequences {@code null} or none, the only values accepted
		 * @return this builder
		 * @throws IllegalArgumentException if there are stop sequences
		 */
		@Override
		public Builder stopSequences(@Nullable List<String> stopSequences) {
			PortableOptions.refuseIfSet("stopSequences", stopSequences);
			return this;
		}

		/**
		 * Set how many texts to generate, each one generation of the response.
		 * @param numHypos at least 1
		 * @return this builder
		 */
		public Builder numHypos(@Nullable Integer numHypos) {
			this.numHypos = numHypos;
			return this;
		}

		/**
		 * Set the minimum number of tokens to generate.
		 * @param minTokens at least 0
		 * @return this builder
		 */
		public Builder minTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
			return this;
		}

		/**
		 * Set the random seed.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Set whether to generate from the prefix's tokens only.
		 * @param prefixTokensOnly whether to
		 * @return this builder
		 */
		public Builder prefixTokensOnly(@Nullable Boolean prefixTokensOnly) {
			this.prefixTokensOnly = prefixTokensOnly;
			return this;
		}

		/**
		 * Set the span delimiters.
		 * @param spanDelimiters the delimiters
		 * @return this builder
		 */
		public Builder spanDelimiters(@Nullable String spanDelimiters) {
			this.spanDelimiters = spanDelimiters;
			return this;
		}

		/**
		 * Take every option the other builder sets, keeping this builder's others. Of
		 * another type of builder, only the portable options a generator has are taken.
		 * @param other the builder whose options win
		 * @return this builder
		 * @throws IllegalArgumentException if the other builder sets an option a
		 * generator cannot honour, named in the message
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			return (other instanceof Builder builder) ? combineWith(builder.build()) : combineWith(other.build());
		}

		/**
		 * Take every option the given ones set, keeping this builder's others. Of options
		 * of another type, only the portable options a generator has are taken.
		 * @param options the options that win
		 * @return this builder
		 * @throws IllegalArgumentException if the options set one a generator cannot
		 * honour, named in the message
		 */
		public Builder combineWith(ChatOptions options) {
			if (options instanceof TuneTheModelChatOptions own) {
				numHypos(winner(own.numHypos, this.numHypos));
				minTokens(winner(own.minTokens, this.minTokens));
				seed(winner(own.seed, this.seed));
				prefixTokensOnly(winner(own.prefixTokensOnly, this.prefixTokensOnly));
				spanDelimiters(winner(own.spanDelimiters, this.spanDelimiters));
			}
			else {
				PortableOptions.requirePortable(options);
			}
			return model(winner(options.getModel(), this.model))
				.temperature(winner(options.getTemperature(), this.temperature))
				.topK(winner(options.getTopK(), this.topK))
				.topP(winner(options.getTopP(), this.topP))
				.maxTokens(winner(options.getMaxTokens(), this.maxTokens));
		}

		@Override
		public TuneTheModelChatOptions build() {
			return new TuneTheModelChatOptions(this);
		}

		private static <T> @Nullable T winner(@Nullable T set, @Nullable T kept) {
			return (set != null) ? set : kept;
		}

	}

}
