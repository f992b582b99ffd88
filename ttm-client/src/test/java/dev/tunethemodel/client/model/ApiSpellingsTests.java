package dev.tunethemodel.client.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ApiSpellings} and the enums that read the API's spellings.
 */
class ApiSpellingsTests {

	@Test
	void normalizeIgnoresCaseSpacesDashesAndUnderscores() {
		assertThat(ApiSpellings.normalize("Datasets_Loaded")).isEqualTo("datasetsloaded");
		assertThat(ApiSpellings.normalize(" IN-QUEUE ")).isEqualTo("inqueue");
		assertThat(ApiSpellings.normalize(null)).isEmpty();
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "Created, CREATED", "created, CREATED", "DatasetsLoaded, DATASETS_LOADED",
			"datasets_loaded, DATASETS_LOADED", "ReadyToFit, READY_TO_FIT", "TrainRequested, TRAIN_REQUESTED",
			"InQueue, IN_QUEUE", "TRAINING, TRAINING", "Ready, READY", "FitFailed, FIT_FAILED", "Exploded, UNKNOWN",
			"'', UNKNOWN" })
	void modelStatusIsReadInAnyCase(String text, ModelStatus status) {
		assertThat(ModelStatus.fromApiValue(text)).isEqualTo(status);
	}

	@Test
	void missingModelStatusIsUnknown() {
		assertThat(ModelStatus.fromApiValue(null)).isEqualTo(ModelStatus.UNKNOWN);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "filecreated, CREATED", "FileCreated, CREATED", "fileinqueue, IN_QUEUE", "FileLoading, LOADING",
			"fileloaded, LOADED", "FILEREADY, READY", "filefailed, FAILED", "ready, READY", "file, UNKNOWN",
			"filevanished, UNKNOWN", "'', UNKNOWN" })
	void fileStatusIsReadInAnyCaseWithOrWithoutPrefix(String text, FileStatus status) {
		assertThat(FileStatus.fromApiValue(text)).isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "classifier, CLASSIFIER", "Classifier, CLASSIFIER", "GENERATOR, GENERATOR" })
	void modelTypeIsReadInAnyCase(String text, ModelType type) {
		assertThat(ModelType.fromApiValue(text)).isEqualTo(type);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "regressor" })
	void missingOrUnknownModelTypeIsNull(String text) {
		assertThat(ModelType.fromApiValue(text)).isNull();
	}

}
