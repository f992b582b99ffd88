package dev.tunethemodel.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link SlotTagger}.
 */
class SlotTaggerTests {

	private final SlotTagger tagger = new SlotTagger(
			List.of("fly to [place_name : new york] [date : tomorrow]", "see [place_name : york] on [date : monday]"));

	@Test
	void marksKnownValuesKeepingTheTextAsWritten() {
		assertThat(this.tagger.tag("Flights to New  York, Monday?"))
			.isEqualTo("Flights to [place_name : New  York], [date : Monday]?");
	}

	@Test
	void prefersTheLongestValue() {
		assertThat(this.tagger.tag("york or new york")).isEqualTo("[place_name : york] or [place_name : new york]");
	}

	@Test
	void leavesATextWithoutKnownValuesAsItIs() {
		assertThat(this.tagger.tag("nothing to see here")).isEqualTo("nothing to see here");
		assertThat(this.tagger.tag("")).isEmpty();
	}

	@Test
	void answersAsManyHypothesesAsAskedCutToMaxTokens() {
		GenerationParameters twoOfThreeWords = new GenerationParameters(2, 0, 3, 0.6, 50, null, 1);
		assertThat(this.tagger.generate("see you tomorrow", twoOfThreeWords)).containsExactly("see you [date",
				"see you [date");
	}

}
