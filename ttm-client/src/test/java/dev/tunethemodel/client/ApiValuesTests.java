package dev.tunethemodel.client;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ApiValues}.
 */
class ApiValuesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2022-06-10 17:52:35.8, 800000000", "2022-06-10 17:52:35.81, 810000000",
			"2022-06-10 17:52:35.816, 816000000", "2022-06-10 17:52:35.8161, 816100000",
			"2022-06-10 17:52:35.81619, 816190000", "2022-06-10 17:52:35.816193, 816193000", "2022-06-10 17:52:35, 0",
			"2022-06-10T17:52:35.816193, 816193000" })
	void timestampWithZeroToSixFractionalDigitsIsRead(String text, int nanos) {
		assertThat(ApiValues.parseTimestamp(text)).isEqualTo(LocalDateTime.of(2022, 6, 10, 17, 52, 35, nanos));
	}

	@Test
	void timestampWithOffsetIsConvertedToUtc() {
		assertThat(ApiValues.parseTimestamp("2022-06-10T19:52:35.5+02:00"))
			.isEqualTo(LocalDateTime.of(2022, 6, 10, 17, 52, 35, 500_000_000));
		assertThat(ApiValues.parseTimestamp("2022-06-10 17:52:35Z"))
			.isEqualTo(LocalDateTime.of(2022, 6, 10, 17, 52, 35));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "yesterday", "2022-13-10 17:52:35", "10/06/2022" })
	void missingOrUnreadableTimestampIsNull(String text) {
		assertThat(ApiValues.parseTimestamp(text)).isNull();
	}

	@Test
	void normalizeIgnoresCaseSpacesDashesAndUnderscores() {
		assertThat(ApiValues.normalize("Datasets_Loaded")).isEqualTo("datasetsloaded");
		assertThat(ApiValues.normalize(" IN-QUEUE ")).isEqualTo("inqueue");
		assertThat(ApiValues.normalize(null)).isEmpty();
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
