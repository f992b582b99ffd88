package dev.tunethemodel.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The pre-signed upload URLs, as an object store handles them: the signature and the
 * {@code Content-Length} are checked before any byte of the body is read, and an accepted
 * body goes to a temporary file, read back token by token, so that its size does not
 * matter to the heap.
 */
final class DatasetUploads {

	private final EmulatorApi api;

	private final long maxUploadSize;

	DatasetUploads(EmulatorApi api, long maxUploadSize) {
		this.api = api;
		this.maxUploadSize = maxUploadSize;
	}

	Mono<ServerResponse> upload(ServerRequest request) {
		FileRecord file = this.api.uploadTarget(request.pathVariable("file"),
				request.queryParam("signature").orElse(null));
		OptionalLong length = request.headers().contentLength();
		if (length.isEmpty()) {
			// as an object store: chunked is not implemented, no length not allowed
			throw request.headers().asHttpHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
					? new EmulatorException(501,
							"A header you provided implies functionality that is not implemented: Transfer-Encoding")
					: new EmulatorException(411, "You must provide the Content-Length HTTP header");
		}
		if (length.getAsLong() > this.maxUploadSize) {
			throw new EmulatorException(413, "The dataset is " + length.getAsLong() + " bytes, more than the "
					+ this.maxUploadSize + " allowed");
		}
		return store(request, file.taskType()).publishOn(eventLoopOf(request)).flatMap((dataset) -> {
			this.api.upload(file, dataset);
			return ServerResponse.ok().build();
		});
	}

	// file I/O off the event loop, and the file deleted however the upload ends
	private Mono<Dataset> store(ServerRequest request, String taskType) {
		return Mono.fromCallable(() -> Files.createTempFile("ttm-emulator-upload-", ".json"))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((file) -> DataBufferUtils
				.write(request.body(BodyExtractors.toDataBuffers()), file, StandardOpenOption.WRITE)
				.then(Mono.fromCallable(() -> DatasetReader.read(file, taskType))
					.subscribeOn(Schedulers.boundedElastic()))
				.doFinally((signal) -> Schedulers.boundedElastic().schedule(() -> delete(file))));
	}

	/**
	 * Return the event loop of a request's connection, where a response that waited off
	 * it is to be written: one written from another thread can lose the connection's next
	 * request.
	 * @param request the request
	 * @return the event loop of its connection
	 */
	static Scheduler eventLoopOf(ServerRequest request) {
		Connection connection = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
		return Schedulers.fromExecutor(connection.channel().eventLoop());
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file: the system cleans its directory up in the end
		}
	}

}
