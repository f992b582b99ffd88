package dev.tunethemodel.ai;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.DefaultChatOptions;
import org.springframework.ai.chat.prompt.DefaultChatOptionsBuilder;

/**
 * Options of another provider, as its chat options classes are: the portable options and
 * one of its own.
 */
public final class OtherProviderChatOptions extends DefaultChatOptions {

	private final @Nullable String reasoningEffort;

	private OtherProviderChatOptions(@Nullable String model, @Nullable Integer maxTokens, @Nullable Double temperature,
			@Nullable Integer topK, @Nullable Double topP, @Nullable String reasoningEffort) {
		super(model, null, maxTokens, null, null, temperature, topK, topP);
		this.reasoningEffort = reasoningEffort;
	}

	static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the provider's own option.
	 * @return the reasoning effort
	 */
	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	static final class Builder extends DefaultChatOptionsBuilder<Builder> {

		private @Nullable String reasoningEffort;

		Builder reasoningEffort(String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		@Override
		public OtherProviderChatOptions build() {
			return new OtherProviderChatOptions(this.model, this.maxTokens, this.temperature, this.topK, this.topP,
					this.reasoningEffort);
		}

	}

}
