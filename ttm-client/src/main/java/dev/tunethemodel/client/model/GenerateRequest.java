package dev.tunethemodel.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * What to send with {@link TuneTheModelOperations#generate}: the prefix to continue and
 * the sampling parameters. {@link #of(String)} gives the official SDK's defaults;
 * {@link #builder(String)} sets any parameter, and {@link #mutate()} copies a request to
 * change some. The client checks the request before it sends anything. A request is
 * immutable.
 *
 * @since 0.1.0
 */
public final class GenerateRequest {

	private final String input;

	private final int numHypos;

	private final int minTokens;

	private final int maxTokens;

	private final double temperature;

	private final int topK;

	private final @Nullable Double topP;

	private final @Nullable Long seed;

	private final boolean prefixTokensOnly;

	private final @Nullable String spanDelimiters;

	private GenerateRequest(Builder builder) {
		this.input = builder.input;
		this.numHypos = builder.numHypos;
		this.minTokens = builder.minTokens;
		this.maxTokens = builder.maxTokens;
		this.temperature = builder.temperature;
		this.topK = builder.topK;
		this.topP = builder.topP;
		this.seed = builder.seed;
		this.prefixTokensOnly = builder.prefixTokensOnly;
		this.spanDelimiters = builder.spanDelimiters;
	}

	/**
	 * Return a request for the given prefix with the official SDK's defaults.
	 * @param input the prefix to continue
	 * @return the request
	 */
	public static GenerateRequest of(String input) {
		return builder(input).build();
	}

	/**
	 * Return a builder of a request for the given prefix, with the official SDK's
	 * defaults until a parameter is set. <pre class="code">
	 * GenerateRequest.builder("Once upon a time").numHypos(3).temperature(0.7).build();
	 * </pre>
	 * @param input the prefix to continue
	 * @return the builder
	 */
	public static Builder builder(String input) {
		return new Builder(input);
	}

	/**
	 * Return a builder that starts from this request's prefix and parameters.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this.input).numHypos(this.numHypos)
			.minTokens(this.minTokens)
			.maxTokens(this.maxTokens)
			.temperature(this.temperature)
			.topK(this.topK)
			.topP(this.topP)
			.seed(this.seed)
			.prefixTokensOnly(this.prefixTokensOnly)
			.spanDelimiters(this.spanDelimiters);
	}

	/**
	 * Return the prefix to continue.
	 * @return the prefix, not empty in a request that is sent
	 */
	public String input() {
		return this.input;
	}

	/**
	 * Return how many texts to generate.
	 * @return at least 1 in a request that is sent (SDK default 1)
	 */
	public int numHypos() {
		return this.numHypos;
	}

	/**
	 * Return the minimum number of tokens to generate.
	 * @return at least 0 in a request that is sent (SDK default 1)
	 */
	public int minTokens() {
		return this.minTokens;
	}

	/**
	 * Return the maximum number of tokens to generate.
	 * @return at least {@link #minTokens()} in a request that is sent (SDK default 128)
	 */
	public int maxTokens() {
		return this.maxTokens;
	}

	/**
	 * Return the sampling temperature.
	 * @return at least 0 in a request that is sent (SDK default 0.6)
	 */
	public double temperature() {
		return this.temperature;
	}

	/**
	 * Return how many of the likeliest tokens are sampled from.
	 * @return at least 0 in a request that is sent (SDK default 50)
	 */
	public int topK() {
		return this.topK;
	}

	/**
	 * Return the nucleus sampling probability.
	 * @return in {@code (0, 1]}, or {@code null} for none (SDK default)
	 */
	public @Nullable Double topP() {
		return this.topP;
	}

	/**
	 * Return the random seed.
	 * @return the seed, or {@code null} for a random one (SDK default)
	 */
	public @Nullable Long seed() {
		return this.seed;
	}

	/**
	 * Return whether to generate from the prefix's tokens only.
	 * @return whether to (SDK default {@code false})
	 */
	public boolean prefixTokensOnly() {
		return this.prefixTokensOnly;
	}

	/**
	 * Return the span delimiters.
	 * @return the delimiters, or {@code null} for none (SDK default)
	 */
	public @Nullable String spanDelimiters() {
		return this.spanDelimiters;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return this == obj || (obj instanceof GenerateRequest other && this.input.equals(other.input)
				&& this.numHypos == other.numHypos && this.minTokens == other.minTokens
				&& this.maxTokens == other.maxTokens && Double.compare(this.temperature, other.temperature) == 0
				&& this.topK == other.topK && Objects.equals(this.topP, other.topP)
				&& Objects.equals(this.seed, other.seed) && this.prefixTokensOnly == other.prefixTokensOnly
				&& Objects.equals(this.spanDelimiters, other.spanDelimiters));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.input, this.numHypos, this.minTokens, this.maxTokens, this.temperature, this.topK,
				this.topP, this.seed, this.prefixTokensOnly, this.spanDelimiters);
	}

	@Override
	public String toString() {
		return "GenerateRequest[input=" + this.input.length() + " chars, numHypos=" + this.numHypos + ", minTokens="
				+ this.minTokens + ", maxTokens=" + this.maxTokens + ", temperature=" + this.temperature + ", topK="
				+ this.topK + ", topP=" + this.topP + ", seed=" + this.seed + ", prefixTokensOnly="
				+ this.prefixTokensOnly + ", spanDelimiters=" + this.spanDelimiters + "]";
	}

	/**
	 * Builds a {@link GenerateRequest}; each parameter left unset keeps the official
	 * SDK's default.
	 */
	public static final class Builder {

		private String input;

		private int numHypos = 1;

		private int minTokens = 1;

		private int maxTokens = 128;

		private double temperature = 0.6;

		private int topK = 50;

		private @Nullable Double topP;

		private @Nullable Long seed;

		private boolean prefixTokensOnly;

		private @Nullable String spanDelimiters;

		private Builder(String input) {
			this.input = input;
		}

		/**
		 * Set the prefix to continue.
		 * @param input the prefix, not empty
		 * @return this builder
		 */
		public Builder input(String input) {
			this.input = input;
			return this;
		}

		/**
		 * Set how many texts to generate.
		 * @param numHypos at least 1
		 * @return this builder
		 */
		public Builder numHypos(int numHypos) {
			this.numHypos = numHypos;
			return this;
		}

		/**
		 * Set the minimum number of tokens to generate.
		 * @param minTokens at least 0
		 * @return this builder
		 */
		public Builder minTokens(int minTokens) {
			this.minTokens = minTokens;
			return this;
		}

		/**
		 * Set the maximum number of tokens to generate.
		 * @param maxTokens at least the minimum
		 * @return this builder
		 */
		public Builder maxTokens(int maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Set the sampling temperature.
		 * @param temperature at least 0
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sample from the given number of likeliest tokens.
		 * @param topK at least 0
		 * @return this builder
		 */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		/**
		 * Set the nucleus sampling probability.
		 * @param topP in {@code (0, 1]}, or {@code null} for none
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Set the random seed.
		 * @param seed the seed, or {@code null} for a random one
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
		public Builder prefixTokensOnly(boolean prefixTokensOnly) {
			this.prefixTokensOnly = prefixTokensOnly;
			return this;
		}

		/**
		 * Set the span delimiters.
		 * @param spanDelimiters the delimiters, or {@code null} for none
		 * @return this builder
		 */
		public Builder spanDelimiters(@Nullable String spanDelimiters) {
			this.spanDelimiters = spanDelimiters;
			return this;
		}

		/**
		 * Build the request. Its parameters are checked when it is sent, as a failed
		 * call.
		 * @return the request
		 */
		public GenerateRequest build() {
			return new GenerateRequest(this);
		}

	}

}
