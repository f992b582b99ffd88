package dev.tunethemodel.client;

import reactor.core.publisher.Mono;

import dev.tunethemodel.client.WireFormat.GenerateBody;
import dev.tunethemodel.client.WireFormat.InputBody;

/**
 * The calls that use a trained model: classify and generate. Arguments are checked before
 * anything is sent.
 */
final class InferenceResource {

	private final Transport transport;

	InferenceResource(Transport transport) {
		this.transport = transport;
	}

	Mono<Classification> classify(String modelId, String input) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			InputBody body = new InputBody(ArgumentChecks.requireText("input", input));
			return this.transport.call(Endpoint.CLASSIFY, body, ResponseDecoders::classification, model);
		});
	}

	Mono<Generation> generate(String modelId, GenerateRequest request) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			GenerateBody body = GenerateBody.of(ArgumentChecks.requireValid(request));
			return this.transport.call(Endpoint.GENERATE, body, ResponseDecoders::generation, model);
		});
	}

}
