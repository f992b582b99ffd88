package dev.tunethemodel.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelParams;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;

/**
 * What a native image of an application with the client needs: Jackson binding of the
 * JSON the client exchanges and of its public records and enums (applications send them
 * as JSON too), its exceptions, and the resource that holds its version.
 */
class ClientRuntimeHints implements RuntimeHintsRegistrar {

	private static final List<Class<?>> WIRE_FORMAT = List.of(WireFormat.CreateModelBody.class,
			WireFormat.ModelParamsBody.class, WireFormat.BindBody.class, WireFormat.InputBody.class,
			WireFormat.GenerateBody.class, WireFormat.CreateFileBody.class, WireFormat.ModelResponse.class,
			WireFormat.FileResponse.class, WireFormat.ClassifyResponse.class, WireFormat.GenerateResponse.class);

	private static final List<Class<?>> PUBLIC_TYPES = List.of(Model.class, ModelParams.class, ModelType.class,
			ModelStatus.class, DatasetFile.class, FileStatus.class, Classification.class, Generation.class,
			CreateModelRequest.class, GenerateRequest.class, ClassifierExample.class, GeneratorExample.class,
			RetrySettings.class, TrainingEvent.ModelCreated.class, TrainingEvent.UploadProgress.class,
			TrainingEvent.DatasetsProcessed.class, TrainingEvent.DatasetsBound.class, TrainingEvent.FitRequested.class,
			TrainingEvent.StatusChanged.class, TrainingEvent.Ready.class, TrainingEvent.Dataset.class);

	private static final List<Class<?>> EXCEPTIONS = List.of(TuneTheModelException.class,
			TuneTheModelApiException.class, TuneTheModelAuthenticationException.class,
			TuneTheModelNotFoundException.class, TuneTheModelRateLimitException.class,
			TuneTheModelServerException.class, TuneTheModelTimeoutException.class,
			TuneTheModelConnectionException.class, TuneTheModelTrainingFailedException.class,
			TuneTheModelConfigurationException.class, InvalidDatasetException.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		binding.registerReflectionHints(hints.reflection(), WIRE_FORMAT.toArray(Class<?>[]::new));
		binding.registerReflectionHints(hints.reflection(), PUBLIC_TYPES.toArray(Class<?>[]::new));
		EXCEPTIONS.forEach((exception) -> hints.reflection()
			.registerType(exception, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS));
		hints.resources().registerPattern("dev/tunethemodel/client/version.properties");
	}

}
