package dev.tunethemodel.client;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.WireFormat.GenerateBody;
import dev.tunethemodel.client.WireFormat.InputBody;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.Evaluation;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

/**
 * The calls that use a trained model: classify and generate, one input at a time or many
 * together through {@link BulkCalls}, and evaluate a classifier on labelled examples. The
 * bulk calls of an account on a model share their {@link ModelConcurrency}. Arguments are
 * checked before anything is sent.
 */
final class InferenceResource {

	private final Transport transport;

	private final int maxConcurrency;

	private final int maxBufferedResults;

	private final String apiKey;

	private final ModelConcurrencies concurrencies;

	InferenceResource(Transport transport, ClientSettings settings, ModelConcurrencies concurrencies) {
		this.transport = transport;
		this.maxConcurrency = settings.bulkMaxConcurrency();
		this.maxBufferedResults = settings.bulkMaxBufferedResults();
		this.apiKey = settings.apiKey();
		this.concurrencies = concurrencies;
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

	Flux<Classification> classifyAll(String modelId, Flux<String> inputs) {
		return bulk("classify_all", modelId, "inputs", inputs, this::scheduledClassify);
	}

	Flux<Generation> generateAll(String modelId, Flux<GenerateRequest> requests) {
		return bulk("generate_all", modelId, "requests", requests, this::scheduledGenerate);
	}

	Mono<Evaluation> evaluate(String modelId, Flux<ClassifierExample> examples) {
		return Mono.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			ArgumentChecks.requireNonNull("examples", examples);
			return this.transport.observations()
				.operation(() -> new TuneTheModelObservationContext("evaluate", model, null), (observed) -> {
					Counts counts = new Counts();
					return BulkCalls
						.run(examples, (example) -> scheduledClassify(model, example.input()), counts::add,
								this.concurrencies.of(this.apiKey, model), this.maxConcurrency, this.maxBufferedResults,
								observed)
						.then(Mono.fromSupplier(counts::result));
				});
		});
	}

	private <I, T> Flux<T> bulk(String operation, String modelId, String what, Flux<I> inputs,
			BiFunction<String, I, ScheduledCall<T>> call) {
		return Flux.defer(() -> {
			String model = ArgumentChecks.requireId("model", modelId);
			ArgumentChecks.requireNonNull(what, inputs);
			return this.transport.observations()
				.operationMany(() -> new TuneTheModelObservationContext(operation, model, null),
						(observed) -> BulkCalls.run(inputs, (input) -> call.apply(model, input),
								(input, response) -> response, this.concurrencies.of(this.apiKey, model),
								this.maxConcurrency, this.maxBufferedResults, observed));
		});
	}

	private static InputBody classifyBody(String input) {
		return new InputBody(ArgumentChecks.requireText("input", input));
	}

	private static GenerateBody generateBody(GenerateRequest request) {
		return GenerateBody.of(ArgumentChecks.requireValid(request));
	}

	/**
	 * The tally of an evaluation, of as many classes as the first classification has
	 * scores: the API gives one score for each class, and every response must give as
	 * many. Used by the bulk call's drain loop only.
	 */
	private static final class Counts {

		private Evaluation.@Nullable Tally tally;

		// the predicted class, not the classification: results wait in the window
		Integer add(ClassifierExample example, Classification classification) {
			int numClasses = classification.scores().size();
			Evaluation.Tally tally = this.tally;
			if (tally == null) {
				tally = new Evaluation.Tally(numClasses);
				this.tally = tally;
			}
			else if (numClasses != tally.numClasses()) {
				throw new TuneTheModelException(
						"The classification has " + numClasses + " scores, but the first one had " + tally.numClasses()
								+ ": the model's number of classes cannot change");
			}
			int predicted = classification.bestClass();
			tally.add(example.label(), predicted);
			return predicted;
		}

		Evaluation result() {
			if (this.tally == null) {
				throw new IllegalArgumentException("There are no examples to evaluate");
			}
			return this.tally.result();
		}

	}

}
