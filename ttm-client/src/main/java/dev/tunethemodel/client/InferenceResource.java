package dev.tunethemodel.client;

import reactor.core.publisher.Mono;

import dev.tunethemodel.client.WireFormat.GenerateBody;
import dev.tunethemodel.client.WireFormat.InputBody;

/**
 * The calls that use a trained model: classify and generate, one at a time or scheduled
 * by a bulk call. Arguments are checked before anything is sent.
 */
final class InferenceResource {

	private final Transport transport;

	InferenceResource(Transport transport) {
		this.transport = transport;
	}

	Mono<Classification> classify(String modelId, String input) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			return this.transport.call(Endpoint.CLASSIFY, classifyBody(input), ResponseDecoders::classification, model);
		});
	}

	Mono<Generation> generate(String modelId, GenerateRequest request) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			return this.transport.call(Endpoint.GENERATE, generateBody(request), ResponseDecoders::generation, model);
		});
	}

	/**
	 * Return a classification whose attempts the caller makes.
	 * @param model the model's id, already checked
	 * @param input the text to classify
	 * @return the call
	 */
	ScheduledCall<Classification> scheduledClassify(String model, String input) {
		return this.transport.scheduledCall(Endpoint.CLASSIFY, classifyBody(input), ResponseDecoders::classification,
				model);
	}

	/**
	 * Return a generation whose attempts the caller makes.
	 * @param model the model's id, already checked
	 * @param request what to generate
	 * @return the call
	 */
	ScheduledCall<Generation> scheduledGenerate(String model, GenerateRequest request) {
		return this.transport.scheduledCall(Endpoint.GENERATE, generateBody(request), ResponseDecoders::generation,
				model);
	}

	private static InputBody classifyBody(String input) {
		return new InputBody(ArgumentChecks.requireText("input", input));
	}

	private static GenerateBody generateBody(GenerateRequest request) {
		return GenerateBody.of(ArgumentChecks.requireValid(request));
	}

}
