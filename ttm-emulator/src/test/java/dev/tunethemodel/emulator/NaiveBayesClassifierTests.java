package dev.tunethemodel.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests of the emulator's classifier, trained on the sample application's reviews.
 */
class NaiveBayesClassifierTests {

	private static final NaiveBayesClassifier classifier = new NaiveBayesClassifier(SentimentDataset.inputs(),
			SentimentDataset.labels(), 2);

	@ParameterizedTest
	@ValueSource(strings = { "The staff were friendly and the room was wonderful.", "I love it, excellent value!",
			"Fantastic concert, it made my day.", "Highly recommended, the team was helpful and quick." })
	void clearlyPositiveSentencesArePositive(String sentence) {
		assertThat(classifier.classify(sentence)[1]).isGreaterThan(0.8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "The delivery was late and the box was damaged.", "Terrible, rude and unhelpful staff.",
			"A complete waste of money, it broke after a week.", "Awful food, I will never come back." })
	void clearlyNegativeSentencesAreNegative(String sentence) {
		assertThat(classifier.classify(sentence)[0]).isGreaterThan(0.8);
	}

	@Test
	void probabilitiesSumToOne() {
		double[] scores = classifier.classify("a sentence with words the classifier never saw, zygote quark");
		assertThat(scores).hasSize(2);
		assertThat(scores[0] + scores[1]).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void classWithoutExamplesKeepsAChance() {
		NaiveBayesClassifier threeClasses = new NaiveBayesClassifier(List.of("good", "bad"), List.of(0, 1), 3);
		double[] scores = threeClasses.classify("good");
		assertThat(scores[2]).isGreaterThan(0).isLessThan(scores[0]);
	}

	@Test
	void wordsAreLowerCasedRunsOfLettersAndDigits() {
		assertThat(Words.of("Hello, WORLD! It's 2024 — café")).containsExactly("hello", "world", "it", "s", "2024",
				"café");
	}

}
