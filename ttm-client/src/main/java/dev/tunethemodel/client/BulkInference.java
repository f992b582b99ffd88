package dev.tunethemodel.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The calls that use a trained model on many inputs, made together by {@link BulkCalls}:
 * classify, generate, and evaluate a classifier on labelled examples.
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

	Mono<Evaluation> evaluate(String modelId, Flux<ClassifierExample> examples) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			Counts counts = new Counts();
			return BulkCalls
				.run(ArgumentChecks.requireNonNull("examples", examples),
						(example) -> this.inference.scheduledClassify(model, example.input()), counts::add,
						this.maxConcurrency, this.timeout)
				.then(Mono.fromSupplier(counts::result));
		});
	}

	/**
	 * The tally of an evaluation, sized by the first classification: the API gives one
	 * score for each class. Used by the bulk call's drain loop only.
	 */
	private static final class Counts {

		private Evaluation.@Nullable Tally tally;

		Classification add(ClassifierExample example, Classification classification) {
			Evaluation.Tally tally = this.tally;
			if (tally == null) {
				tally = new Evaluation.Tally(classification.scores().size());
				this.tally = tally;
			}
			tally.add(example.label(), classification.bestClass());
			return classification;
		}

		Evaluation result() {
			if (this.tally == null) {
				throw new IllegalArgumentException("There are no examples to evaluate");
			}
			return this.tally.result();
		}

	}

}
