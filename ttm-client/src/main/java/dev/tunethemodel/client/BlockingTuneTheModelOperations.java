package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * The operations of the Tune the Model API for code that waits for its responses, such as
 * a Spring MVC controller: those of {@link TuneTheModelOperations}, each returning its
 * value when the call has ended.
 * <p>
 * Each call is bounded as its reactive counterpart is, by the client's timeout with its
 * retries included, and fails with the same {@link TuneTheModelException}s, never
 * wrapped; the wait of a single call and of {@link #awaitReady} ends by that deadline
 * even if the reactive call never does, as {@link BlockingTuneTheModelTemplate}
 * describes. A call refuses at once, with an {@link IllegalStateException}, to wait on a
 * thread that must not block, such as a Netty event loop: use
 * {@link TuneTheModelOperations} there. Calls may be made from any number of threads,
 * virtual threads included.
 * <p>
 * Examples are read from {@link Iterable}s, again whenever an upload is retried; datasets
 * of files come from {@link TrainingData#iterable}.
 *
 * @since 0.1.0
 * @see BlockingTuneTheModelTemplate
 */
public interface BlockingTuneTheModelOperations {

	/**
	 * Return operations whose calls use the given options instead of the client's own
	 * settings, over the same connections, as
	 * {@link TuneTheModelOperations#withOptions(RequestOptions)} describes; a single call
	 * waits for the options' timeout. <pre class="code">
	 * Classification classification = tuneTheModel
	 *     .withOptions(RequestOptions.builder().apiKey(tenantKey).timeout(Duration.ofSeconds(5)).build())
	 *     .classify(modelId, text);
	 * </pre> Uploads carry neither the options' key nor their headers.
	 * @param options the options of the calls
	 * @return operations with these options; these operations are unchanged
	 */
	BlockingTuneTheModelOperations withOptions(RequestOptions options);

	/**
	 * Return operations that retry failed calls as the given settings say, instead of the
	 * client's own settings: the same as {@link #withOptions} with only these retry
	 * settings.
	 * @param retrySettings the settings for the calls of the returned operations
	 * @return operations with the given settings
	 * @see TuneTheModelOperations#withRetrySettings(RetrySettings)
	 */
	default BlockingTuneTheModelOperations withRetrySettings(RetrySettings retrySettings) {
		return withOptions(RequestOptions.builder().retrySettings(retrySettings).build());
	}

	/**
	 * List the account's models, read as {@link TuneTheModelOperations#listModels()}
	 * reads them: a list longer than the client takes fails the call.
	 * @return the models
	 */
	List<Model> listModels();

	/**
	 * List the public models that every account may use.
	 * @return the models
	 */
	List<Model> listPublicModels();

	/**
	 * Create a model.
	 * @param request the model to create
	 * @return the created model
	 */
	Model createModel(CreateModelRequest request);

	/**
	 * Read a model, with its status.
	 * @param modelId the model's id
	 * @return the model
	 */
	Model getModel(String modelId);

	/**
	 * Delete a model.
	 * @param modelId the model's id
	 * @return the deleted model
	 */
	Model deleteModel(String modelId);

	/**
	 * Bind a model to its training and validation files.
	 * @param modelId the model's id
	 * @param trainFileId the training file's id
	 * @param validateFileId the validation file's id
	 * @return the model
	 */
	Model bind(String modelId, String trainFileId, String validateFileId);

	/**
	 * Start training a model whose datasets are bound.
	 * @param modelId the model's id
	 * @return the model
	 */
	Model fit(String modelId);

	/**
	 * Classify a text with a trained classifier.
	 * @param modelId the model's id
	 * @param input the text
	 * @return the scores of the classes
	 */
	Classification classify(String modelId, String input);

	/**
	 * Generate texts with a trained generator.
	 * @param modelId the model's id
	 * @param request the prompt and parameters
	 * @return the generated texts
	 */
	Generation generate(String modelId, GenerateRequest request);

	/**
	 * Classify many texts with a classifier, as many at once as the API takes, as
	 * {@link TuneTheModelOperations#classifyAll} does; the action is called with each
	 * classification, in input order, on the calling thread. If it throws, the calls stop
	 * and the exception is thrown.
	 * @param modelId the classifier's id
	 * @param inputs the texts to classify, none empty
	 * @param results called with the classification of each input, in input order
	 */
	void classifyAll(String modelId, Iterable<String> inputs, Consumer<? super Classification> results);

	/**
	 * Generate texts for many requests with a generator, as
	 * {@link #classifyAll(String, Iterable, Consumer)} classifies many texts.
	 * @param modelId the generator's id
	 * @param requests what to generate
	 * @param results called with the generation of each request, in request order
	 */
	void generateAll(String modelId, Iterable<GenerateRequest> requests, Consumer<? super Generation> results);

	/**
	 * Measure how well a classifier does on labelled examples, as
	 * {@link TuneTheModelOperations#evaluate} does.
	 * @param modelId the classifier's id
	 * @param examples the examples, at least one
	 * @return the evaluation
	 */
	Evaluation evaluate(String modelId, Iterable<ClassifierExample> examples);

	/**
	 * Create a dataset file, to upload examples to.
	 * @param name the file's name
	 * @param taskType the type of model the examples are for
	 * @return the created file, with its upload URL
	 */
	DatasetFile createFile(String name, ModelType taskType);

	/**
	 * List the account's dataset files.
	 * @return the files
	 */
	List<DatasetFile> listFiles();

	/**
	 * Read a dataset file, with its status.
	 * @param fileId the file's id
	 * @return the file
	 */
	DatasetFile getFile(String fileId);

	/**
	 * Delete a dataset file.
	 * @param fileId the file's id
	 * @return the deleted file
	 */
	DatasetFile deleteFile(String fileId);

	/**
	 * Upload examples to a created file.
	 * @param file the file, as created
	 * @param examples the examples, read again if the upload is retried
	 * @see TuneTheModelOperations#upload
	 */
	void upload(DatasetFile file, Iterable<? extends TrainingExample> examples);

	/**
	 * Create a model, upload its datasets, wait until the API has processed them, bind
	 * them and request fit; the model then trains at the API ({@link #awaitReady} waits
	 * for it).
	 * @param model the model to create
	 * @param training the examples to train with
	 * @param validation the examples to validate with
	 * @return the model, as fit was requested
	 * @see TuneTheModelOperations#train
	 */
	Model train(CreateModelRequest model, Iterable<? extends TrainingExample> training,
			Iterable<? extends TrainingExample> validation);

	/**
	 * Train a model as {@link #train} does, telling each step to a listener on the
	 * calling thread; an exception of the listener stops the training and cleans up as a
	 * failure does.
	 * @param model the model to create
	 * @param training the examples to train with
	 * @param validation the examples to validate with
	 * @param progress told each step, ending with {@link TrainingEvent.Evaluated} for a
	 * classifier, {@link TrainingEvent.Ready} for a generator
	 * @return the ready model
	 * @see TuneTheModelOperations#trainWithProgress
	 */
	Model trainWithProgress(CreateModelRequest model, Iterable<? extends TrainingExample> training,
			Iterable<? extends TrainingExample> validation, Consumer<? super TrainingEvent> progress);

	/**
	 * Follow a model's status until it is ready, telling each change to a listener on the
	 * calling thread.
	 * @param modelId the model's id
	 * @param changes told the model at each change of its status, starting with the
	 * current one
	 * @return the ready model
	 * @throws TuneTheModelTrainingFailedException if the training fails
	 * @see TuneTheModelOperations#watch
	 */
	Model watch(String modelId, Consumer<? super Model> changes);

	/**
	 * Wait until a model is ready.
	 * @param modelId the model's id
	 * @param timeout the longest wait
	 * @return the ready model
	 * @throws TuneTheModelTimeoutException if it is not ready within the timeout
	 */
	Model awaitReady(String modelId, Duration timeout);

}
