package dev.tunethemodel.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.WireFormat.BindBody;
import dev.tunethemodel.client.WireFormat.CreateModelBody;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;

/**
 * The calls of the API's models: list, create, read, delete, bind datasets and fit.
 * Arguments are checked before anything is sent.
 */
final class ModelResource {

	private final Transport transport;

	ModelResource(Transport transport) {
		this.transport = transport;
	}

	Flux<Model> list() {
		return this.transport.list(Endpoint.LIST_MODELS, ResponseDecoders::modelList);
	}

	Flux<Model> listPublic() {
		return this.transport.list(Endpoint.LIST_PUBLIC_MODELS, ResponseDecoders::modelList);
	}

	Mono<Model> create(CreateModelRequest request) {
		return Mono.defer(() -> this.transport.call(Endpoint.CREATE_MODEL,
				CreateModelBody.of(ArgumentChecks.requireValid(request)), ResponseDecoders::model));
	}

	Mono<Model> get(String modelId) {
		return Mono.defer(() -> this.transport.call(Endpoint.GET_MODEL, null, ResponseDecoders::model,
				ArgumentChecks.requireId("model", modelId)));
	}

	Mono<Model> delete(String modelId) {
		return Mono.defer(() -> this.transport.call(Endpoint.DELETE_MODEL, null, ResponseDecoders::model,
				ArgumentChecks.requireId("model", modelId)));
	}

	Mono<Model> bind(String modelId, String trainFileId, String validateFileId) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			BindBody body = new BindBody(ArgumentChecks.requireId("training file", trainFileId),
					ArgumentChecks.requireId("validation file", validateFileId));
			return this.transport.call(Endpoint.BIND, body, ResponseDecoders::model, model);
		});
	}

	Mono<Model> fit(String modelId) {
		return Mono.defer(() -> this.transport.call(Endpoint.FIT, null, ResponseDecoders::model,
				ArgumentChecks.requireId("model", modelId)));
	}

}
