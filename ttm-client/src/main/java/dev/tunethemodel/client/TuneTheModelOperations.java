package dev.tunethemodel.client;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * The operations of the Tune the Model v0 API, implemented by
 * {@link TuneTheModelTemplate}.
 * <p>
 * Every method is lazy: nothing is sent until the result is subscribed to. Arguments are
 * checked before anything is sent; a bad one ends the result with an
 * {@link IllegalArgumentException} that says what is wrong. A failed call ends it with a
 * {@link TuneTheModelException}: a {@link TuneTheModelApiException} subclass when the API
 * responded with an error status, a {@link TuneTheModelTimeoutException} or a
 * {@link TuneTheModelConnectionException} when it did not respond in time or at all.
 * Failed requests are retried only when it is safe, as {@link RetrySettings} describes.
 *
 * @since 0.1.0
 */
public interface TuneTheModelOperations {

	/**
	 * Return operations whose calls use the given options instead of the client's own
	 * settings, over the same connections, mapper and observations: another API key, such
	 * as a tenant's, a tighter timeout, other retries, or headers such as a tracing id.
	 * <pre class="code">
	 * TuneTheModelOperations tenant = tuneTheModel.withOptions(RequestOptions.builder()
	 *     .apiKey(tenantKey)
	 *     .timeout(Duration.ofSeconds(5))
	 *     .header("X-Request-Id", requestId)
	 *     .build());
	 * Mono&lt;Classification&gt; classification = tenant.classify(modelId, text);
	 * </pre> What the options do not set stays as it is. Every call of the returned
	 * operations uses them: each input of a bulk call, each step of a training and the
	 * deletions that clean up after it. An upload, a {@code PUT} to a pre-signed URL of
	 * another host, carries neither the key nor the headers. Errors hide both keys.
	 * Calling this method on the returned operations merges the options: each value set
	 * later wins, and headers replace those of the same name.
	 * @param options the options of the calls
	 * @return the operations with these options; these operations are unchanged
	 */
	TuneTheModelOperations withOptions(RequestOptions options);

	/**
	 * Return operations that retry failed requests as the given settings say, over the
	 * same connections: for a caller that needs one attempt per call, such as a health
	 * probe, or more patience than the application's default. The same as
	 * {@link #withOptions} with only these retry settings.
	 * @param retrySettings the retry settings
	 * @return the operations with these retry settings
	 */
	default TuneTheModelOperations withRetrySettings(RetrySettings retrySettings) {
		return withOptions(RequestOptions.builder().retrySettings(retrySettings).build());
	}

	/**
	 * List the models of the account.
	 * <p>
	 * The entries are passed on as the response is read, as many as asked for; the call's
	 * timeout bounds the time spent waiting for them. The call fails with a
	 * {@link TuneTheModelException} if an entry is larger than the codecs' in-memory
	 * limit or the list has more entries than the client takes (100,000 by default).
	 * @return the models
	 */
	Flux<Model> listModels();

	/**
	 * List the public models, trained by the vendor, as {@link #listModels()} lists the
	 * account's.
	 * @return the public models
	 */
	Flux<Model> listPublicModels();

	/**
	 * Create a model, to be given datasets with {@link #bind} and trained with
	 * {@link #fit}.
	 * @param request what to create
	 * @return the new model, {@link ModelStatus#CREATED}
	 */
	Mono<Model> createModel(CreateModelRequest request);

	/**
	 * Read a model and its status.
	 * @param modelId the model's id
	 * @return the model
	 */
	Mono<Model> getModel(String modelId);

	/**
	 * Delete a model.
	 * @param modelId the model's id
	 * @return the model as it was deleted
	 */
	Mono<Model> deleteModel(String modelId);

	/**
	 * Give a model its training and validation datasets, both {@link FileStatus#READY}.
	 * @param modelId the model's id
	 * @param trainFileId the id of the training dataset file
	 * @param validateFileId the id of the validation dataset file
	 * @return the model, {@link ModelStatus#DATASETS_LOADED}
	 */
	Mono<Model> bind(String modelId, String trainFileId, String validateFileId);

	/**
	 * Start training a model whose datasets are bound.
	 * @param modelId the model's id
	 * @return the model as training was requested
	 */
	Mono<Model> fit(String modelId);

	/**
	 * Classify a text with a trained classifier.
	 * @param modelId the classifier's id
	 * @param input the text, not empty
	 * @return the probability of each class
	 */
	Mono<Classification> classify(String modelId, String input);

	/**
	 * Continue a text with a trained generator.
	 * @param modelId the generator's id, or {@code default-generator} for few-shot
	 * generation without training
	 * @param request the prefix and the generation parameters
	 * @return the generated texts
	 */
	Mono<Generation> generate(String modelId, GenerateRequest request);

	/**
	 * Classify many texts with a classifier, as many at once as the API takes.
	 * <p>
	 * The results come in the order of the inputs. Inputs are read as calls can start, so
	 * that a million of them from a file stream through in flat memory, and no more are
	 * under way than the subscriber asked for plus the maximum number of calls at once.
	 * How many calls are made at once adapts: it grows while responses come back fine and
	 * no slower, and halves when the API responds 429 or 503, waiting as its
	 * {@code Retry-After} says, unless the API refuses as large a share at half the
	 * calls, which is then no overload and no reason to slow down; it never exceeds the
	 * client's bulk concurrency (32 by default). A failed attempt is retried as
	 * {@link RetrySettings} says, a 429 or 503 without using up the retries, and each
	 * input's call ends within the client's timeout. An input that fails for good ends
	 * the results, after those of every input before it, with a
	 * {@link TuneTheModelInputFailedException} that names its position. A cancel stops
	 * reading inputs and starting calls; the calls in flight are let end, within the
	 * timeout, so that their connections stay open for the next calls.
	 * @param modelId the classifier's id
	 * @param inputs the texts to classify, none empty
	 * @return one classification for each input, in input order
	 */
	Flux<Classification> classifyAll(String modelId, Flux<String> inputs);

	/**
	 * Generate texts for many requests with a generator, as
	 * {@link #classifyAll(String, Flux)} classifies many texts.
	 * @param modelId the generator's id
	 * @param requests what to generate
	 * @return one generation for each request, in request order
	 */
	Flux<Generation> generateAll(String modelId, Flux<GenerateRequest> requests);

	/**
	 * Measure how well a classifier does on labelled examples, such as its validation
	 * dataset: it classifies their texts as {@link #classifyAll(String, Flux)} does and
	 * compares the best class with each example's label, in one pass, keeping only the
	 * counts of the confusion matrix. Name the classes with
	 * {@link Evaluation#withLabels(ClassLabels)}.
	 * @param modelId the classifier's id
	 * @param examples the examples, at least one, labelled from 0 to the number of
	 * classes less one
	 * @return the evaluation; an {@link IllegalArgumentException} if there are no
	 * examples, a {@link TuneTheModelInputFailedException} naming the first example whose
	 * label is out of range or whose call failed
	 */
	Mono<Evaluation> evaluate(String modelId, Flux<ClassifierExample> examples);

	/**
	 * Create an empty dataset file, to be filled with {@link #upload}.
	 * @param name a name for the file, not empty
	 * @param taskType the kind of model the dataset trains
	 * @return the new file, with its upload URL
	 */
	Mono<DatasetFile> createFile(String name, ModelType taskType);

	/**
	 * List the dataset files of the account, as {@link #listModels()} lists its models.
	 * @return the files
	 */
	Flux<DatasetFile> listFiles();

	/**
	 * Read a dataset file and its status.
	 * @param fileId the file's id
	 * @return the file
	 */
	Mono<DatasetFile> getFile(String fileId);

	/**
	 * Delete a dataset file.
	 * @param fileId the file's id
	 * @return the file as it was deleted
	 */
	Mono<DatasetFile> deleteFile(String fileId);

	/**
	 * Upload a dataset to a file's pre-signed upload URL, as {@code {"inputs": [...],
	 * "classes": [...]}} for a classifier or {@code {"inputs": [...], "outputs": [...]}}
	 * for a generator. The API then processes the file asynchronously; watch its status
	 * with {@link #getFile} until it is {@link FileStatus#READY}.
	 * <p>
	 * The examples are written to temporary files as they arrive, so the dataset is never
	 * held in memory, then sent with a {@code Content-Length} (object stores refuse
	 * chunked uploads) and without the API key (the URL carries its own signature). The
	 * temporary files are deleted when the upload ends, fails or is cancelled. Every
	 * example must match the file's task type and a classifier's labels must be 0 or
	 * more; a bad example ends the upload with an {@link IllegalArgumentException} before
	 * anything is sent.
	 * <p>
	 * The examples are read once: a failed {@code PUT} is retried as
	 * {@link RetrySettings} says, each time with the whole body, read again from the
	 * temporary files.
	 * @param file the file to fill, as returned by {@link #createFile}
	 * @param examples the examples: {@link ClassifierExample}s or
	 * {@link GeneratorExample}s
	 * @return completes when the dataset is stored
	 */
	Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples);

	/**
	 * Train a model in one call: create it, create and upload its training and validation
	 * datasets, wait until the API has processed both, bind them and request fit.
	 * Training itself then takes 30 minutes to hours: follow it with {@link #watch} or
	 * {@link #awaitReady}, or use {@link #trainWithProgress}.
	 * <p>
	 * Each dataset is checked as it is read: at least 32 examples, each of the model's
	 * kind, no empty text, a classifier's labels from 0 to its number of classes minus
	 * one; a bad example ends the training with an {@link InvalidDatasetException} that
	 * says which one. Each dataset is spooled to temporary files as {@link #upload} does,
	 * so memory stays flat however large it is. When a step fails, or the caller cancels,
	 * before fit was requested, the files and the model created so far are deleted again,
	 * and the original failure is what the caller sees; a model or file being created
	 * when the caller cancels is awaited, then deleted too. A cancel after fit was
	 * requested leaves the model training.
	 * @param model the model to create
	 * @param training the training examples, read once
	 * @param validation the validation examples, read once
	 * @return the model as fit was requested
	 */
	Mono<Model> train(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation);

	/**
	 * Train a model as {@link #train} does, then watch it until it is ready, telling each
	 * step as a {@link TrainingEvent}, for a progress bar or a log. A ready classifier is
	 * then evaluated on the validation examples as {@link #evaluate} does, which reads
	 * them a second time: a source that can be read once only ends the events with an
	 * error after {@link TrainingEvent.Ready}, and the model is kept.
	 * @param model the model to create
	 * @param training the training examples, read once
	 * @param validation the validation examples, read once to upload and, for a
	 * classifier, once more to evaluate the model
	 * @return the events, the last a {@link TrainingEvent.Evaluated} for a classifier, a
	 * {@link TrainingEvent.Ready} for a generator; fails with a
	 * {@link TuneTheModelTrainingFailedException} if training fails
	 */
	Flux<TrainingEvent> trainWithProgress(CreateModelRequest model, Flux<? extends TrainingExample> training,
			Flux<? extends TrainingExample> validation);

	/**
	 * Watch a model: read its status and emit the model whenever the status changes,
	 * starting with the current one. Reads start 1 second apart and back off to the
	 * client's poll interval, so that a training that ends soon is seen soon and a long
	 * one costs few reads. Failed reads are retried as {@link RetrySettings} says;
	 * polling stops when the subscriber cancels.
	 * @param modelId the model's id
	 * @return the model at each change of status; completes after
	 * {@link ModelStatus#READY}, fails with a {@link TuneTheModelTrainingFailedException}
	 * on {@link ModelStatus#FIT_FAILED}
	 */
	Flux<Model> watch(String modelId);

	/**
	 * Wait until a model is ready, reading its status as {@link #watch} does, and once
	 * more at the deadline: a model that turned ready since the last read is returned.
	 * @param modelId the model's id
	 * @param timeout the longest wait
	 * @return the ready model; fails with a {@link TuneTheModelTimeoutException} when the
	 * wait is over, or a {@link TuneTheModelTrainingFailedException} if training fails
	 */
	Mono<Model> awaitReady(String modelId, Duration timeout);

}
