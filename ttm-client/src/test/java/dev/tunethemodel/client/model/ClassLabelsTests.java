package dev.tunethemodel.client.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link ClassLabels}.
 */
class ClassLabelsTests {

	private final ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");

	@Test
	void indexOfANameIsItsPosition() {
		assertThat(this.labels.size()).isEqualTo(3);
		assertThat(this.labels.index("negative")).isZero();
		assertThat(this.labels.index("positive")).isEqualTo(2);
		assertThat(this.labels.name(1)).isEqualTo("neutral");
		assertThat(this.labels.names()).containsExactly("negative", "neutral", "positive");
	}

	@Test
	void namesMatchExactly() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.labels.index("Positive"))
			.withMessage("There is no label \"Positive\": the labels are negative, neutral, positive");
		assertThatIllegalArgumentException().isThrownBy(() -> this.labels.index(" positive"))
			.withMessage("There is no label \" positive\": the labels are negative, neutral, positive");
	}

	@Test
	void nameOutOfRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.labels.name(3))
			.withMessage("There is no class 3: the classes are 0 to 2");
		assertThatIllegalArgumentException().isThrownBy(() -> this.labels.name(-1))
			.withMessage("There is no class -1: the classes are 0 to 2");
	}

	@Test
	void fewerThanTwoNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassLabels.of("only"))
			.withMessage("A classifier needs at least 2 labels, but has 1");
		assertThatIllegalArgumentException().isThrownBy(ClassLabels::of)
			.withMessage("A classifier needs at least 2 labels, but has 0");
		assertThatIllegalArgumentException().isThrownBy(() -> ClassLabels.of((String[]) null))
			.withMessage("The label names must not be null");
	}

	@Test
	void nullOrBlankNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassLabels.of("a", null))
			.withMessage("Label 1 must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ClassLabels.of(" ", "b"))
			.withMessage("Label 0 must not be null or blank");
	}

	@Test
	void nameGivenTwiceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassLabels.of("yes", "no", "yes"))
			.withMessage("The label \"yes\" is given twice, as 0 and 2");
	}

	@Test
	void namesAreCopiedAndUnmodifiable() {
		String[] names = { "cat", "dog" };
		ClassLabels animals = ClassLabels.of(names);
		names[0] = "bird";
		assertThat(animals.names()).containsExactly("cat", "dog");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> animals.names().add("bird"));
	}

	@Test
	void labelsAreEqualWhenTheirNamesAreInTheSameOrder() {
		assertThat(ClassLabels.of("a", "b")).isEqualTo(ClassLabels.of("a", "b"))
			.hasSameHashCodeAs(ClassLabels.of("a", "b"))
			.isNotEqualTo(ClassLabels.of("b", "a"))
			.isNotEqualTo(List.of("a", "b"));
	}

	@Test
	void toStringListsTheNames() {
		assertThat(ClassLabels.of("negative", "positive")).hasToString("ClassLabels[negative, positive]");
	}

}
