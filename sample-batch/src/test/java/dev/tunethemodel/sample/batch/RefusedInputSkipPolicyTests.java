package dev.tunethemodel.sample.batch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelServerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RefusedInputSkipPolicy}.
 */
class RefusedInputSkipPolicyTests {

	private final RefusedInputSkipPolicy policy = new RefusedInputSkipPolicy(2);

	@Test
	void skipsAnInputTheApiRefusedUpToTheLimit() {
		TuneTheModelInputFailedException refused = failed(new TuneTheModelApiException("400", 400, "{}"));

		assertThat(this.policy.shouldSkip(refused, -1)).isTrue();
		assertThat(this.policy.shouldSkip(refused, 0)).isTrue();
		assertThat(this.policy.shouldSkip(refused, 1)).isTrue();
		assertThatExceptionOfType(SkipLimitExceededException.class)
			.isThrownBy(() -> this.policy.shouldSkip(refused, 2));
	}

	@Test
	void skipsNoFailureOfTheAccountTheModelOrTheApi() {
		assertThat(this.policy.shouldSkip(failed(new TuneTheModelAuthenticationException("401", 401, "{}")), 0))
			.isFalse();
		assertThat(this.policy.shouldSkip(failed(new TuneTheModelNotFoundException("404", 404, "{}")), 0)).isFalse();
		assertThat(this.policy.shouldSkip(failed(new TuneTheModelServerException("503", 503, "{}")), 0)).isFalse();
		assertThat(this.policy.shouldSkip(new IllegalStateException("The table refused the chunk"), -1)).isFalse();
	}

	private static TuneTheModelInputFailedException failed(Throwable cause) {
		return new TuneTheModelInputFailedException(0, cause);
	}

}
