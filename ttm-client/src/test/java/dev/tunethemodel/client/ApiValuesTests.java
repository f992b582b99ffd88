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

}
