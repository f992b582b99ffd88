package dev.tunethemodel.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.error.InvalidDatasetException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.GeneratorExample;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingExample;

/**
 * A dataset on its way to an upload URL, spooled to two temporary files, one per JSON
 * array, so that memory stays flat however large the dataset: {@code {"inputs":} + the
 * inputs file + {@code ,"classes":} (or {@code ,"outputs":}) + the targets file + {@code
 * }}} is the body, and its length is known before it is sent. Methods other than
 * {@link #content} block: call them off event-loop threads.
 */
final class DatasetSpool {

	private static final Log logger = LogFactory.getLog(DatasetSpool.class);

	private static final int READ_BUFFER_SIZE = 64 * 1024;

	private static final byte[] PREFIX = "{\"inputs\":".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CLASSES = ",\"classes\":".getBytes(StandardCharsets.UTF_8);

	private static final byte[] OUTPUTS = ",\"outputs\":".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SUFFIX = "}".getBytes(StandardCharsets.UTF_8);

	private final Path directory;

	private final DatasetRules rules;

	private final JsonMapper jsonMapper;

	private @Nullable Path inputsFile;

	private @Nullable Path targetsFile;

	private @Nullable JsonGenerator inputs;

	private @Nullable JsonGenerator targets;

	private boolean deleted;

	private long count;

	private long contentLength = -1;

	/**
	 * Create a spool whose files are created when it is {@link #open() opened}.
	 * @param directory where to create them
	 * @param rules the rules of the dataset
	 * @param jsonMapper writes the JSON
	 */
	DatasetSpool(Path directory, DatasetRules rules, JsonMapper jsonMapper) {
		this.directory = directory;
		this.rules = rules;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Create the temporary files, unless the spool was deleted first: a cancelled upload
	 * may delete it while it opens.
	 */
	synchronized void open() {
		if (this.deleted) {
			return;
		}
		try {
			this.inputsFile = Files.createTempFile(this.directory, "ttm-upload-inputs-", ".json");
			this.targetsFile = Files.createTempFile(this.directory, "ttm-upload-targets-", ".json");
			this.inputs = this.jsonMapper.createGenerator(this.inputsFile, JsonEncoding.UTF8);
			this.targets = this.jsonMapper.createGenerator(this.targetsFile, JsonEncoding.UTF8);
			this.inputs.writeStartArray();
			this.targets.writeStartArray();
		}
		catch (IOException | JacksonException ex) {
			delete();
			throw new TuneTheModelException("Could not create a temporary file for the dataset in " + this.directory,
					ex);
		}
	}

	/**
	 * Check one example and write it.
	 * @param example the next example of the dataset
	 * @throws InvalidDatasetException if the example breaks a rule of the dataset
	 */
	synchronized void append(TrainingExample example) {
		// a cancelled upload's last example may come after its spool is gone
		if (this.deleted) {
			return;
		}
		this.rules.check(example, ++this.count);
		try {
			JsonGenerator inputs = opened(this.inputs);
			JsonGenerator targets = opened(this.targets);
			if (example instanceof ClassifierExample classifierExample) {
				inputs.writeString(classifierExample.input());
				targets.writeNumber(classifierExample.label());
			}
			else if (example instanceof GeneratorExample generatorExample) {
				inputs.writeString(generatorExample.input());
				targets.writeString(generatorExample.output());
			}
		}
		catch (JacksonException ex) {
			throw writeFailure(ex);
		}
	}

	/**
	 * Finish the files, after the last example.
	 * @throws InvalidDatasetException if the dataset has too few examples
	 */
	synchronized void finish() {
		if (this.deleted) {
			return;
		}
		this.rules.checkCount(this.count);
		try {
			JsonGenerator inputs = opened(this.inputs);
			JsonGenerator targets = opened(this.targets);
			inputs.writeEndArray();
			targets.writeEndArray();
			inputs.close();
			targets.close();
			this.contentLength = PREFIX.length + Files.size(opened(this.inputsFile)) + separator().length
					+ Files.size(opened(this.targetsFile)) + SUFFIX.length;
		}
		catch (IOException | JacksonException ex) {
			throw writeFailure(ex);
		}
	}

	/**
	 * Return the number of examples appended.
	 * @return the number of examples
	 */
	synchronized long count() {
		return this.count;
	}

	/**
	 * Return the number of bytes of the request body.
	 * @return the length of the content, known once the spool is {@link #finish()
	 * finished}
	 */
	long contentLength() {
		return this.contentLength;
	}

	/**
	 * Return the request body, read from the files without blocking; each subscription
	 * reads them again.
	 * @param bufferFactory the factory of the buffers to read into
	 * @return the body
	 */
	Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.concat(wrap(bufferFactory, PREFIX),
				DataBufferUtils.read(opened(this.inputsFile), bufferFactory, READ_BUFFER_SIZE),
				wrap(bufferFactory, separator()),
				DataBufferUtils.read(opened(this.targetsFile), bufferFactory, READ_BUFFER_SIZE),
				wrap(bufferFactory, SUFFIX));
	}

	/**
	 * Close and delete the temporary files, now and any opened later.
	 */
	synchronized void delete() {
		this.deleted = true;
		closeQuietly(this.inputs);
		closeQuietly(this.targets);
		deleteQuietly(this.inputsFile);
		deleteQuietly(this.targetsFile);
	}

	private byte[] separator() {
		return (this.rules.taskType() == ModelType.CLASSIFIER) ? CLASSES : OUTPUTS;
	}

	private TuneTheModelException writeFailure(Exception ex) {
		return new TuneTheModelException("Could not write the dataset to a temporary file: " + ex.getMessage(), ex);
	}

	// a spool is used between open() and delete(): a method called outside that is a bug
	private static <T> T opened(@Nullable T resource) {
		if (resource == null) {
			throw new IllegalStateException("The dataset spool is not open");
		}
		return resource;
	}

	private static Mono<DataBuffer> wrap(DataBufferFactory bufferFactory, byte[] bytes) {
		return Mono.fromSupplier(() -> bufferFactory.wrap(bytes));
	}

	private static void closeQuietly(@Nullable JsonGenerator generator) {
		if (generator == null) {
			return;
		}
		try {
			generator.close();
		}
		catch (JacksonException ex) {
			logger.debug("Could not close a temporary dataset file", ex);
		}
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete the temporary dataset file " + file, ex);
		}
	}

}
