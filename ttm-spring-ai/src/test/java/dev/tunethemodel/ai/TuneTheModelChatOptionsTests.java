package dev.tunethemodel.ai;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.ChatOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelChatOptions} and its builder.
 */
class TuneTheModelChatOptionsTests {

	private final TuneTheModelChatOptions options = TuneTheModelChatOptions.builder()
		.model("gen-1")
		.temperature(0.3)
		.topK(7)
		.topP(0.9)
		.maxTokens(40)
		.numHypos(2)
		.minTokens(3)
		.seed(42L)
		.prefixTokensOnly(true)
		.spanDelimiters("|")
		.build();

	@Test
	void mutateCopiesEveryOption() {
		TuneTheModelChatOptions copy = this.options.mutate().build();
		assertThat(copy).isEqualTo(this.options).hasSameHashCodeAs(this.options).isNotSameAs(this.options);
		assertThat(copy.mutate().numHypos(3).build()).isNotEqualTo(this.options);
		assertThat(this.options.getNumHypos()).isEqualTo(2);
	}

	@Test
	void optionsDifferingInOneOptionAreNotEqual() {
		assertThat(this.options.mutate().spanDelimiters(";").build()).isNotEqualTo(this.options);
		assertThat(this.options.mutate().seed(null).build()).isNotEqualTo(this.options);
		assertThat(this.options.mutate().model("gen-2").build()).isNotEqualTo(this.options);
	}

	@Test
	void combineWithTakesTheOtherBuildersSetOptionsAndKeepsTheOthers() {
		TuneTheModelChatOptions combined = this.options.mutate()
			.combineWith(TuneTheModelChatOptions.builder().numHypos(5).temperature(1.2))
			.build();
		assertThat(combined).isEqualTo(this.options.mutate().numHypos(5).temperature(1.2).build());
	}

	@Test
	void combineWithAPortableBuilderTakesItsPortableOptions() {
		TuneTheModelChatOptions combined = this.options.mutate()
			.combineWith(ChatOptions.builder().model("gen-2").topK(3).maxTokens(10))
			.build();
		assertThat(combined).isEqualTo(this.options.mutate().model("gen-2").topK(3).maxTokens(10).build());
	}

	@Test
	void cloneIsIndependentOfItsBuilder() {
		TuneTheModelChatOptions.Builder builder = this.options.mutate();
		TuneTheModelChatOptions.Builder clone = builder.clone();
		builder.numHypos(9);
		assertThat(clone.build()).isEqualTo(this.options);
	}

	@Test
	void unsupportedPortableOptionsAreNone() {
		assertThat(this.options.getStopSequences()).isNull();
		assertThat(this.options.getFrequencyPenalty()).isNull();
		assertThat(this.options.getPresencePenalty()).isNull();
	}

	@Test
	void toStringNamesEveryOption() {
		assertThat(this.options).hasToString("TuneTheModelChatOptions[model=gen-1, temperature=0.3, topK=7, topP=0.9, "
				+ "maxTokens=40, numHypos=2, minTokens=3, seed=42, prefixTokensOnly=true, spanDelimiters=|]");
	}

}
