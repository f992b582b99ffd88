package dev.tunethemodel.client.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.dataset.TrainingData.FileSpec;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of {@link TrainingData.FileSpec}: what it needs and refuses before it reads.
 */
class TrainingDataSpecTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	@Test
	void classifierNeedsTheColumnsOfTextsAndLabels() throws IOException {
		Path file = write("data.csv", "text,label\nGood,1\n");
		assertThatIllegalStateException().isThrownBy(() -> TrainingData.csv(file).label("label").classifier())
			.withMessage("Name the column of the texts of " + file + " with text(...)");
		assertThatIllegalStateException().isThrownBy(() -> TrainingData.csv(file).text("text").classifier())
			.withMessage("Name the column of the labels of " + file + " with label(...)");
	}

	@Test
	void generatorNeedsTheColumnsOfTextsAndOutputs() throws IOException {
		Path file = write("data.jsonl", "{\"in\": \"a\", \"out\": \"b\"}\n");
		assertThatIllegalStateException().isThrownBy(() -> TrainingData.jsonLines(file).text("in").generator())
			.withMessage("Name the column of the outputs of " + file + " with output(...)");
	}

	@Test
	void eachKindRefusesTheColumnOfTheOther() throws IOException {
		Path file = write("data.csv", "text,label,out\nGood,1,x\n");
		FileSpec both = TrainingData.csv(file).text("text").label("label").output("out");
		assertThatIllegalStateException().isThrownBy(both::classifier)
			.withMessageContaining("A classifier's examples have no output")
			.withMessageContaining("\"out\"");
		assertThatIllegalStateException().isThrownBy(both::generator)
			.withMessageContaining("A generator's examples have no label")
			.withMessageContaining("\"label\"");
	}

	@Test
	void emptyColumnsAndMissingArgumentsAreRefused() throws IOException {
		Path file = write("data.csv", "text,label\nGood,1\n");
		FileSpec spec = TrainingData.csv(file);
		assertThatIllegalArgumentException().isThrownBy(() -> spec.text(" "))
			.withMessage("The column of the texts must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> spec.label(""))
			.withMessage("The column of the labels must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> spec.output(" "))
			.withMessage("The column of the outputs must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> spec.label("label", null))
			.withMessage("The labels must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TrainingData.csv(null))
			.withMessage("The file must not be null");
	}

	@Test
	void eachOptionGivesANewSpecAndLeavesTheSharedOneAsItWas() throws IOException {
		Path file = write("data.csv", "text,label,out\nGood,positive,More\nBad,negative,Less\n");
		FileSpec texts = TrainingData.csv(file).text("text");
		Flux<ClassifierExample> named = texts.label("label", ClassLabels.of("negative", "positive")).classifier();
		Flux<GeneratorExample> generated = texts.output("out").generator();
		StepVerifier.create(named)
			.expectNext(new ClassifierExample("Good", 1), new ClassifierExample("Bad", 0))
			.expectComplete()
			.verify(VERIFY);
		StepVerifier.create(generated)
			.expectNext(new GeneratorExample("Good", "More"), new GeneratorExample("Bad", "Less"))
			.expectComplete()
			.verify(VERIFY);
		assertThatIllegalStateException().isThrownBy(texts::classifier);
	}

	@Test
	void fileIsOpenedOnlyWhenTheExamplesAreSubscribedTo() throws IOException {
		Path file = this.directory.resolve("later.csv");
		Flux<ClassifierExample> examples = TrainingData.csv(file).text("text").label("label").classifier();
		StepVerifier.create(examples)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("Could not read " + file))
			.verify(VERIFY);
		write("later.csv", "text,label\nGood,1\n");
		StepVerifier.create(examples).expectNext(new ClassifierExample("Good", 1)).expectComplete().verify(VERIFY);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

}
