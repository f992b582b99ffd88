package dev.tunethemodel.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.WireFormat.ClassifyResponse;
import dev.tunethemodel.client.WireFormat.FileResponse;
import dev.tunethemodel.client.WireFormat.GenerateResponse;
import dev.tunethemodel.client.WireFormat.ModelResponse;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;

/**
 * Reads the responses of the API, prepared once per client: the decoder of each kind of
 * successful response, which reads the body without codec lookups, and the start of an
 * error response's body.
 */
final class ResponseDecoders {

	// enough to say what went wrong; the rest of a large error body is not read
	private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

	private static final String CODECS_LIMIT = "the codecs' in-memory limit (spring.http.codecs.max-in-memory-size)";

	private static final String ENTRIES_LIMIT = "the client's limit (maxListEntries of the template's builder, "
			+ "tunethemodel.max-list-entries in Spring Boot)";

	private final Readers readers;

	private final ApiErrors errors;

	private final ResponseDecoder<Model> model;

	private final ListDecoder<Model> modelList;

	private final ResponseDecoder<DatasetFile> file;

	private final ListDecoder<DatasetFile> fileList;

	private final ResponseDecoder<Classification> classification;

	private final ResponseDecoder<Generation> generation;

	/**
	 * Prepare the decoders.
	 * @param jsonMapper the client's own mapper
	 * @param maxInMemorySize the codecs' in-memory limit, which bounds every body and
	 * each entry of a list
	 * @param maxListEntries the maximum number of entries a list may have
	 * @param errors turns failures into the client's exceptions
	 */
	ResponseDecoders(JsonMapper jsonMapper, int maxInMemorySize, int maxListEntries, ApiErrors errors) {
		this(new Readers(jsonMapper, maxInMemorySize, maxListEntries), errors);
	}

	private ResponseDecoders(Readers readers, ApiErrors errors) {
		this.readers = readers;
		this.errors = errors;
		this.model = objectDecoder(readers.model, ModelResponse::toModel, readers.maxInMemorySize);
		this.modelList = listDecoder(readers.modelList, ModelResponse::toModel);
		this.file = objectDecoder(readers.file, FileResponse::toDatasetFile, readers.maxInMemorySize);
		this.fileList = listDecoder(readers.fileList, FileResponse::toDatasetFile);
		this.classification = objectDecoder(readers.classification, ClassifyResponse::toClassification,
				readers.maxInMemorySize);
		this.generation = objectDecoder(readers.generation, GenerateResponse::toGeneration, readers.maxInMemorySize);
	}

	/**
	 * Return the same decoders, over the same readers, turning failures into exceptions
	 * with other errors.
	 * @param errors the other errors
	 * @return the decoders
	 */
	ResponseDecoders withErrors(ApiErrors errors) {
		return new ResponseDecoders(this.readers, errors);
	}

	ResponseDecoder<Model> model() {
		return this.model;
	}

	ListDecoder<Model> modelList() {
		return this.modelList;
	}

	ResponseDecoder<DatasetFile> file() {
		return this.file;
	}

	ListDecoder<DatasetFile> fileList() {
		return this.fileList;
	}

	ResponseDecoder<Classification> classification() {
		return this.classification;
	}

	ResponseDecoder<Generation> generation() {
		return this.generation;
	}

	/**
	 * Read the start of an error response and end with the {@link ErrorResponse} of the
	 * attempt.
	 * @param <T> the type the call would have returned
	 * @param response the response, with an error status
	 * @return fails with the error response
	 */
	<T> Mono<T> errorResponse(ClientResponse response) {
		return errorResponse(response, this.errors);
	}

	/**
	 * Read the start of an error response and end with the {@link ErrorResponse} of the
	 * attempt, its body redacted by the given errors.
	 * @param <T> the type the call would have returned
	 * @param response the response, with an error status
	 * @param errors redact the body
	 * @return fails with the error response
	 */
	<T> Mono<T> errorResponse(ClientResponse response, ApiErrors errors) {
		// as bytes: a string decoder logs a body echoing the key at TRACE
		Charset charset = response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
		Flux<DataBuffer> start = DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
				MAX_ERROR_BODY_BYTES);
		return DataBufferUtils.join(start).map((buffer) -> {
			try {
				return buffer.toString(charset);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.onErrorReturn("")
			.defaultIfEmpty("")
			.flatMap((body) -> Mono
				.error(errors.errorResponse(response.statusCode(), response.headers().asHttpHeaders(), body)));
	}

	private <R, T> ResponseDecoder<T> objectDecoder(ObjectReader reader, Function<R, T> mapper, int maxInMemorySize) {
		return (response, request) -> DataBufferUtils
			.join(response.body(BodyExtractors.toDataBuffers()), maxInMemorySize)
			.map((buffer) -> {
				try (InputStream json = buffer.asInputStream(true)) {
					R body = reader.readValue(json);
					if (body == null) {
						throw new IllegalStateException("the body is null");
					}
					return mapper.apply(body);
				}
				catch (JacksonException | IllegalStateException | IOException ex) {
					throw this.errors.unreadable(request.get(), ex);
				}
			})
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new TuneTheModelException(request.get() + " returned " + response.statusCode().value()
							+ " with a body larger than " + CODECS_LIMIT + ": " + ex.getMessage(), ex))
			.switchIfEmpty(Mono.error(() -> new TuneTheModelException(
					request.get() + " returned " + response.statusCode().value() + " with an empty body")));
	}

	private <R, T> ListDecoder<T> listDecoder(JsonListReader<R> reader, Function<R, T> mapper) {
		return (response, request) -> reader.read(response.body(BodyExtractors.toDataBuffers()))
			.map(mapper)
			.onErrorMap(JsonListReader.LimitExceededException.class,
					(ex) -> new TuneTheModelException(request.get() + " returned " + response.statusCode().value()
							+ " with " + ex.getMessage() + ", " + (ex.isEntryCount() ? ENTRIES_LIMIT : CODECS_LIMIT)))
			.onErrorMap((ex) -> ex instanceof JacksonException || ex instanceof IllegalStateException,
					(ex) -> this.errors.unreadable(request.get(), ex));
	}

	/**
	 * The readers of the responses, prepared once per client.
	 */
	private static final class Readers {

		private final ObjectReader model;

		private final JsonListReader<ModelResponse> modelList;

		private final ObjectReader file;

		private final JsonListReader<FileResponse> fileList;

		private final ObjectReader classification;

		private final ObjectReader generation;

		private final int maxInMemorySize;

		Readers(JsonMapper jsonMapper, int maxInMemorySize, int maxListEntries) {
			this.model = jsonMapper.readerFor(ModelResponse.class);
			this.file = jsonMapper.readerFor(FileResponse.class);
			this.modelList = new JsonListReader<>(this.model, "models", WireFormat.propertyNames(ModelResponse.class),
					maxInMemorySize, maxListEntries);
			this.fileList = new JsonListReader<>(this.file, "files", WireFormat.propertyNames(FileResponse.class),
					maxInMemorySize, maxListEntries);
			this.classification = jsonMapper.readerFor(ClassifyResponse.class);
			this.generation = jsonMapper.readerFor(GenerateResponse.class);
			this.maxInMemorySize = maxInMemorySize;
		}

	}

}
