package dev.tunethemodel.client.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link CreateModelRequest}.
 */
class CreateModelRequestTests {

	@Test
	void classifierTakesItsNumberOfClassesFromItsLabelsAndKeepsThem() {
		ClassLabels labels = ClassLabels.of("negative", "neutral", "positive");
		CreateModelRequest request = CreateModelRequest.classifier("sentiment", labels);
		assertThat(request.type()).isEqualTo(ModelType.CLASSIFIER);
		assertThat(request.numClasses()).isEqualTo(3);
		assertThat(request.labels()).isEqualTo(labels);
		assertThat(request)
			.isEqualTo(new CreateModelRequest(ModelType.CLASSIFIER, "sentiment", 3, null, null,
					ClassLabels.of("negative", "neutral", "positive")))
			.hasSameHashCodeAs(CreateModelRequest.classifier("sentiment", labels))
			// the same request to the API, but an evaluation with other names
			.isNotEqualTo(CreateModelRequest.classifier("sentiment", 3));
	}

	@Test
	void requestWithoutLabelsIsCreatedAsBefore() {
		assertThat(new CreateModelRequest(ModelType.CLASSIFIER, "sentiment", 3, null, null))
			.isEqualTo(CreateModelRequest.classifier("sentiment", 3))
			.extracting(CreateModelRequest::labels)
			.isNull();
	}

	@Test
	void copiesKeepTheLabels() {
		ClassLabels labels = ClassLabels.of("no", "yes");
		CreateModelRequest copy = CreateModelRequest.classifier("x", labels)
			.withTrainIters(10)
			.withPretrainedModel("base");
		assertThat(copy).isEqualTo(new CreateModelRequest(ModelType.CLASSIFIER, "x", 2, 10, "base", labels));
	}

	@Test
	void classifierWithoutLabelsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateModelRequest.classifier("x", (ClassLabels) null))
			.withMessage("The labels must not be null");
	}

	@Test
	void requestWithLabelsIsWrittenAndReadAsJsonByApplications() {
		JsonMapper mapper = JsonMapper.builder().build();
		CreateModelRequest request = CreateModelRequest.classifier("sentiment", ClassLabels.of("negative", "positive"));
		String json = mapper.writeValueAsString(request);
		assertThat(json).contains("\"labels\":[\"negative\",\"positive\"]");
		assertThat(mapper.readValue(json, CreateModelRequest.class)).isEqualTo(request);
	}

}
