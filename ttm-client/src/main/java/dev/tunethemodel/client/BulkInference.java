package dev.tunethemodel.client;

import java.time.Duration;

import reactor.core.publisher.Flux;

/**
 * The calls that use a trained model on many inputs, made together by {@link BulkCalls}.
 */
final class BulkInference {

	private final InferenceResource inference;

	private final int maxConcurrency;

	private final Duration timeout;

	BulkInference(InferenceResource inference, int maxConcurrency, Duration timeout) {
		this.inference = inference;
		this.maxConcurrency = maxConcurrency;
		this.timeout = timeout;
	}

	Flux<Classification> classifyAll(String modelId, Flux<String> inputs) {
		return Flux.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			return BulkCalls.run(ArgumentChecks.requireNonNull("inputs", inputs),
					(input) -> this.inference.scheduledClassify(model, input), (input, answer) -> answer,
					this.maxConcurrency, this.timeout);
		});
	}

	Flux<Generation> generateAll(String modelId, Flux<GenerateRequest> requests) {
		return Flux.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			return BulkCalls.run(ArgumentChecks.requireNonNull("requests", requests),
					(request) -> this.inference.scheduledGenerate(model, request), (request, answer) -> answer,
					this.maxConcurrency, this.timeout);
		});
	}

}
