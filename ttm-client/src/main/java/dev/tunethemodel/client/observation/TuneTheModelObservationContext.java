package dev.tunethemodel.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;

/**
 * What an observation of one operation of the client knows: the operation, the model or
 * file it is about, how many attempts it made, and how it ended. For an upload, also how
 * many examples and bytes it sent.
 *
 * @since 0.1.0
 * @see TuneTheModelObservationConvention
 */
public class TuneTheModelObservationContext extends Observation.Context {

	private final String operation;

	private final @Nullable String modelId;

	private final @Nullable String fileId;

	private volatile int attempts;

	private volatile Outcome outcome = Outcome.SUCCESS;

	private volatile long examples;

	private volatile long bytes;

	/**
	 * Create the context of an operation.
	 * @param operation the operation, such as {@code classify}
	 * @param modelId the id of the model it is about, {@code null} for none
	 * @param fileId the id of the dataset file it is about, {@code null} for none
	 */
	public TuneTheModelObservationContext(String operation, @Nullable String modelId, @Nullable String fileId) {
		this.operation = operation;
		this.modelId = modelId;
		this.fileId = fileId;
	}

	/**
	 * Return the operation, such as {@code list_models}, {@code classify} or
	 * {@code classify_all}.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the id of the model the operation is about.
	 * @return the id, or {@code null} for none
	 */
	public @Nullable String getModelId() {
		return this.modelId;
	}

	/**
	 * Return the id of the dataset file the operation is about.
	 * @return the id, or {@code null} for none
	 */
	public @Nullable String getFileId() {
		return this.fileId;
	}

	/**
	 * Return how many HTTP requests the operation made, its retries included.
	 * @return the number of attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Set how many HTTP requests the operation made.
	 * @param attempts the number of attempts
	 */
	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * Return how the operation ended.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the operation ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * Return how many examples an upload sent.
	 * @return the number of examples, 0 for other operations
	 */
	public long getExamples() {
		return this.examples;
	}

	/**
	 * Set how many examples an upload sent.
	 * @param examples the number of examples
	 */
	public void setExamples(long examples) {
		this.examples = examples;
	}

	/**
	 * Return how many bytes an upload sent.
	 * @return the number of bytes, 0 for other operations
	 */
	public long getBytes() {
		return this.bytes;
	}

	/**
	 * Set how many bytes an upload sent.
	 * @param bytes the number of bytes
	 */
	public void setBytes(long bytes) {
		this.bytes = bytes;
	}

	/**
	 * How an operation, or a training, ended.
	 */
	public enum Outcome {

		/**
		 * It succeeded.
		 */
		SUCCESS,

		/**
		 * The API refused the request: a 4xx other than 429, or an argument that was
		 * refused before anything was sent.
		 */
		CLIENT_ERROR,

		/**
		 * The API failed: a 5xx, or a response that could not be read; also a training
		 * whose model failed to train.
		 */
		SERVER_ERROR,

		/**
		 * The API responded 429 for good.
		 */
		RATE_LIMITED,

		/**
		 * It did not end within its timeout.
		 */
		TIMEOUT,

		/**
		 * The API could not be reached, or the connection was lost.
		 */
		CONNECTION_ERROR,

		/**
		 * The caller cancelled it.
		 */
		CANCELLED;

		/**
		 * Return the outcome of an operation that failed with the given exception.
		 * @param failure the exception
		 * @return the outcome
		 */
		public static Outcome of(Throwable failure) {
			Throwable cause = (failure instanceof TuneTheModelInputFailedException input && input.getCause() != null)
					? input.getCause() : failure;
			if (cause instanceof TuneTheModelRateLimitException) {
				return RATE_LIMITED;
			}
			if (cause instanceof TuneTheModelServerException || cause instanceof TuneTheModelTrainingFailedException) {
				return SERVER_ERROR;
			}
			if (cause instanceof TuneTheModelApiException || cause instanceof IllegalArgumentException) {
				return CLIENT_ERROR;
			}
			if (cause instanceof TuneTheModelTimeoutException) {
				return TIMEOUT;
			}
			if (cause instanceof TuneTheModelConnectionException) {
				return CONNECTION_ERROR;
			}
			return SERVER_ERROR;
		}

	}

}
