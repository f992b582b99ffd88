package dev.tunethemodel.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.WireFormat.CreateFileBody;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.ModelType;

/**
 * The calls of the API's dataset files: create, list, read and delete;
 * {@link DatasetUpload} fills them. Arguments are checked before anything is sent.
 */
final class FileResource {

	private final Transport transport;

	FileResource(Transport transport) {
		this.transport = transport;
	}

	Mono<DatasetFile> create(String name, ModelType taskType) {
		return Mono.defer(() -> {
			CreateFileBody body = new CreateFileBody(ArgumentChecks.requireText("file name", name),
					ArgumentChecks.requireNonNull("task type", taskType).apiValue());
			return this.transport.call(Endpoint.CREATE_FILE, body, ResponseDecoders::file);
		});
	}

	Flux<DatasetFile> list() {
		return this.transport.list(Endpoint.LIST_FILES, ResponseDecoders::fileList);
	}

	Mono<DatasetFile> get(String fileId) {
		return Mono.defer(() -> this.transport.call(Endpoint.GET_FILE, null, ResponseDecoders::file,
				ArgumentChecks.requireId("file", fileId)));
	}

	Mono<DatasetFile> delete(String fileId) {
		return Mono.defer(() -> this.transport.call(Endpoint.DELETE_FILE, null, ResponseDecoders::file,
				ArgumentChecks.requireId("file", fileId)));
	}

}
