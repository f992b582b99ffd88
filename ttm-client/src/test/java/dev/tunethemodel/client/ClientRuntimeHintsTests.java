package dev.tunethemodel.client;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelParams;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ClientRuntimeHints}.
 */
class ClientRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	ClientRuntimeHintsTests() {
		new ClientRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredForAotProcessing() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(ClientRuntimeHints.class);
	}

	@Test
	void jacksonCanBindTheWireFormat() {
		for (Class<?> type : List.of(WireFormat.ModelResponse.class, WireFormat.FileResponse.class,
				WireFormat.ClassifyResponse.class, WireFormat.ClassifyResponse.Answer.class,
				WireFormat.GenerateResponse.Hypothesis.class, WireFormat.GenerateBody.class,
				WireFormat.CreateModelBody.class, WireFormat.ModelParamsBody.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(type.getName())
				.accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WireFormat.ModelResponse.class, "modelId"))
			.accepts(this.hints);
	}

	@Test
	void publicRecordsAndEnumsCanBeSentAsJson() {
		for (Class<?> type : List.of(Model.class, ModelParams.class, DatasetFile.class, Classification.class,
				Generation.class, TrainingEvent.Ready.class, ModelStatus.class, FileStatus.class, ModelType.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Model.class, "status")).accepts(this.hints);
	}

	@Test
	void exceptionsCanBeCreatedReflectively() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TuneTheModelRateLimitException.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(InvalidDatasetException.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
	}

	@Test
	void versionResourceIsIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/tunethemodel/client/version.properties"))
			.accepts(this.hints);
	}

}
