package dev.tunethemodel.client.model;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link Classification} and {@link Generation}.
 */
class ClassificationTests {

	@Test
	void bestClassIsTheIndexOfTheHighestScore() {
		assertThat(new Classification(List.of(0.1, 0.7, 0.2)).bestClass()).isEqualTo(1);
		assertThat(new Classification(List.of(0.05, 0.05, 0.9)).bestClass()).isEqualTo(2);
		assertThat(new Classification(List.of(1.0)).bestClass()).isZero();
	}

	@Test
	void bestClassOnATieIsTheLowestClass() {
		assertThat(new Classification(List.of(0.2, 0.4, 0.4)).bestClass()).isEqualTo(1);
	}

	@Test
	void bestLabelIsTheNameOfTheBestClass() {
		ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");
		assertThat(new Classification(List.of(0.1, 0.7, 0.2)).bestLabel(labels)).isEqualTo("neutral");
		assertThat(new Classification(List.of(0.1, 0.2, 0.7)).bestLabel(labels)).isEqualTo("positive");
		assertThat(new Classification(List.of(0.4, 0.2, 0.4)).bestLabel(labels)).isEqualTo("negative");
	}

	@Test
	void bestLabelWithAnotherNumberOfLabelsThanScoresIsRefused() {
		Classification classification = new Classification(List.of(0.1, 0.7, 0.2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> classification.bestLabel(ClassLabels.of("negative", "positive")))
			.withMessage("The classification has 3 score(s), one for each class, but there are 2 labels: "
					+ "ClassLabels[negative, positive]");
		assertThatIllegalArgumentException().isThrownBy(() -> classification.bestLabel(null))
			.withMessage("The labels must not be null");
	}

	@Test
	void classificationWithoutScoresIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Classification(List.of()))
			.withMessage("A classification has at least one score");
	}

	@Test
	void scoresAndTextsAreCopied() {
		List<Double> scores = new ArrayList<>(List.of(0.5, 0.5));
		Classification classification = new Classification(scores);
		scores.set(0, 1.0);
		assertThat(classification.scores()).containsExactly(0.5, 0.5);
		List<String> texts = new ArrayList<>(List.of("a"));
		Generation generation = new Generation(texts);
		texts.add("b");
		assertThat(generation.texts()).containsExactly("a");
	}

}
