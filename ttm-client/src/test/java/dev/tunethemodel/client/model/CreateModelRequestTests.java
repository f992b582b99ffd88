package dev.tunethemodel.client.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link CreateModelRequest}.
 */
class CreateModelRequestTests {

	@Test
	void classifierTakesItsNumberOfClassesFromItsLabels() {
		CreateModelRequest request = CreateModelRequest.classifier("sentiment",
				ClassLabels.of("negative", "neutral", "positive"));
		assertThat(request).isEqualTo(CreateModelRequest.classifier("sentiment", 3));
		assertThat(request.type()).isEqualTo(ModelType.CLASSIFIER);
		assertThat(request.numClasses()).isEqualTo(3);
	}

	@Test
	void classifierWithoutLabelsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateModelRequest.classifier("x", (ClassLabels) null))
			.withMessage("The labels must not be null");
	}

}
