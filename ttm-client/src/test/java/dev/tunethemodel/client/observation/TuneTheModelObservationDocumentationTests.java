package dev.tunethemodel.client.observation;

import java.util.Arrays;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelObservationDocumentation} against the default conventions.
 */
class TuneTheModelObservationDocumentationTests {

	@Test
	void operationConventionGivesEveryDocumentedKeyAndNoOther() {
		DefaultTuneTheModelObservationConvention convention = new DefaultTuneTheModelObservationConvention();
		TuneTheModelObservationContext context = new TuneTheModelObservationContext("classify", "m-1", "f-1");
		context.setAttempts(2);
		context.setOutcome(Outcome.RATE_LIMITED);
		context.setError(new TuneTheModelRateLimitException("POST /v0/models/{model}/classify", "{}", null));
		TuneTheModelObservationDocumentation documentation = TuneTheModelObservationDocumentation.CLIENT_OPERATION;
		assertThat(convention).isInstanceOf(documentation.getDefaultConvention());
		assertThat(keys(convention.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(names(documentation.getLowCardinalityKeyNames()));
		assertThat(keys(convention.getHighCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(names(documentation.getHighCardinalityKeyNames()));
		assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "RATE_LIMITED"),
				KeyValue.of("error", "TuneTheModelRateLimitException"));
	}

	@Test
	void operationConventionLeavesOutTheIdsThatAreNotRequired() {
		DefaultTuneTheModelObservationConvention convention = new DefaultTuneTheModelObservationConvention();
		TuneTheModelObservationContext context = new TuneTheModelObservationContext("listModels", null, null);
		assertThat(keys(convention.getHighCardinalityKeyValues(context))).containsExactlyInAnyOrderElementsOf(
				required(TuneTheModelObservationDocumentation.CLIENT_OPERATION.getHighCardinalityKeyNames()));
		assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("error", "none"));
	}

	@Test
	void trainingConventionGivesEveryDocumentedKeyAndNoOther() {
		DefaultTuneTheModelTrainingObservationConvention convention = new DefaultTuneTheModelTrainingObservationConvention();
		TuneTheModelTrainingObservationContext context = new TuneTheModelTrainingObservationContext(
				ModelType.CLASSIFIER);
		TuneTheModelObservationDocumentation documentation = TuneTheModelObservationDocumentation.TRAINING;
		assertThat(keys(convention.getHighCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(required(documentation.getHighCardinalityKeyNames()));
		context.setModelId("m-1");
		assertThat(convention).isInstanceOf(documentation.getDefaultConvention());
		assertThat(keys(convention.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(names(documentation.getLowCardinalityKeyNames()));
		assertThat(keys(convention.getHighCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderElementsOf(names(documentation.getHighCardinalityKeyNames()));
		assertThat(convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("tunethemodel.model.type", "classifier"));
	}

	private static List<String> keys(KeyValues keyValues) {
		return keyValues.stream().map(KeyValue::getKey).toList();
	}

	private static List<String> names(KeyName[] keyNames) {
		return Arrays.stream(keyNames).map(KeyName::asString).toList();
	}

	private static List<String> required(KeyName[] keyNames) {
		return Arrays.stream(keyNames).filter(KeyName::isRequired).map(KeyName::asString).toList();
	}

}
