package dev.tunethemodel.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operations of the Tune the Model v0 API, implemented by {@link TuneTheModelTemplate}.
 * <p>
 * Every method is lazy: nothing is sent until the result is subscribed to. Arguments are
 * checked before anything is sent; a bad one ends the result with an
 * {@link IllegalArgumentException} that says what is wrong. A failed call ends it with a
 * {@link TuneTheModelException}: a {@link TuneTheModelApiException} subclass when the API
 * answered with an error status, a {@link TuneTheModelTimeoutException} or a
 * {@link TuneTheModelConnectionException} when it did not answer in time or at all. Failed
 * requests are repeated only when it is safe, as {@link RetrySettings} describes.
 */
public interface TuneTheModelOperations {

	/**
	 * List the models of the account.
	 * @return the models
	 */
	Flux<Model> listModels();

	/**
	 * List the public models, trained by the vendor.
	 * @return the public models
	 */
	Flux<Model> listPublicModels();

	/**
	 * Create a model, to be given datasets with {@link #bind} and trained with {@link #fit}.
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
	 * Create an empty dataset file, to be filled with {@link #upload}.
	 * @param name a name for the file, not empty
	 * @param taskType the kind of model the dataset trains
	 * @return the new file, with its upload URL
	 */
	Mono<DatasetFile> createFile(String name, ModelType taskType);

	/**
	 * List the dataset files of the account.
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
	 * "classes": [...]}} for a classifier or {@code {"inputs": [...], "outputs": [...]}} for
	 * a generator. The API then processes the file asynchronously; watch its status with
	 * {@link #getFile} until it is {@link FileStatus#READY}.
	 * <p>
	 * The examples are written to temporary files as they arrive, so the dataset is never
	 * held in memory, then sent with a {@code Content-Length} (object stores refuse chunked
	 * uploads) and without the API key (the URL carries its own signature). The temporary
	 * files are deleted when the upload ends, fails or is cancelled. Every example must match
	 * the file's task type and a classifier's labels must be 0 or more; a bad example ends
	 * the upload with an {@link IllegalArgumentException} before anything is sent.
	 * <p>
	 * The examples are read once: a failed {@code PUT} is repeated as {@link RetrySettings}
	 * says, each time with the whole body, read again from the temporary files.
	 * @param file the file to fill, as returned by {@link #createFile}
	 * @param examples the examples: {@link ClassifierExample}s or {@link GeneratorExample}s
	 * @return completes when the dataset is stored
	 */
	Mono<Void> upload(DatasetFile file, Flux<? extends TrainingExample> examples);

}
