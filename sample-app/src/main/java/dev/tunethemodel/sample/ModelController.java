package dev.tunethemodel.sample;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.Classification;
import dev.tunethemodel.client.CreateModelRequest;
import dev.tunethemodel.client.GenerateRequest;
import dev.tunethemodel.client.Generation;
import dev.tunethemodel.client.Model;
import dev.tunethemodel.client.TuneTheModelApiException;
import dev.tunethemodel.client.TuneTheModelException;
import dev.tunethemodel.client.TuneTheModelNotFoundException;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTimeoutException;
import dev.tunethemodel.client.TuneTheModelTrainingFailedException;

/**
 * HTTP endpoints over the starter: every handler returns the client's {@code Mono} or
 * {@code Flux}, so no thread waits for the API.
 */
@RestController
class ModelController {

	private final TuneTheModelOperations tuneTheModel;

	private final ObjectProvider<SentimentDemo> demo;

	ModelController(TuneTheModelOperations tuneTheModel, ObjectProvider<SentimentDemo> demo) {
		this.tuneTheModel = tuneTheModel;
		this.demo = demo;
	}

	@GetMapping("/models")
	Flux<Model> models() {
		return this.tuneTheModel.listModels();
	}

	@PostMapping("/models")
	Mono<Model> create(@RequestBody NewModel model) {
		return this.tuneTheModel.createModel(model.request());
	}

	@GetMapping("/models/{id}")
	Mono<Model> model(@PathVariable String id) {
		return this.tuneTheModel.getModel(id);
	}

	@DeleteMapping("/models/{id}")
	Mono<Model> delete(@PathVariable String id) {
		return this.tuneTheModel.deleteModel(id);
	}

	@PostMapping("/models/{id}/classify")
	Mono<Classification> classify(@PathVariable String id, @RequestBody Text text) {
		return this.tuneTheModel.classify(id, text.input());
	}

	@PostMapping("/models/{id}/generate")
	Mono<Generation> generate(@PathVariable String id, @RequestBody Text text) {
		return this.tuneTheModel.generate(id, GenerateRequest.of(text.input()).withNumHypos(text.numHypos()));
	}

	@GetMapping(path = "/models/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Model>> events(@PathVariable String id) {
		return this.tuneTheModel.watch(id)
			.map((model) -> ServerSentEvent.builder(model).event("status").id(model.status().name()).build());
	}

	@GetMapping("/demo")
	Mono<DemoReport> demo() {
		SentimentDemo running = this.demo.getIfAvailable();
		return (running != null) ? running.report() : Mono.empty();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelNotFoundException.class)
	ProblemDetail notFound(TuneTheModelNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelTimeoutException.class)
	ProblemDetail timeout(TuneTheModelTimeoutException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	@ExceptionHandler({ TuneTheModelApiException.class, TuneTheModelTrainingFailedException.class })
	ProblemDetail apiError(TuneTheModelException ex) {
		return ProblemDetail.forStatusAndDetail((ex instanceof TuneTheModelApiException api && api.statusCode() == 400)
				? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelException.class)
	ProblemDetail unavailable(TuneTheModelException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	/**
	 * A model to create.
	 *
	 * @param name its name
	 * @param type {@code classifier} or {@code generator}
	 * @param numClasses the number of classes of a classifier
	 */
	record NewModel(@Nullable String name, String type, @Nullable Integer numClasses) {

		CreateModelRequest request() {
			return "classifier".equalsIgnoreCase(this.type)
					? CreateModelRequest.classifier(this.name, (this.numClasses != null) ? this.numClasses : 0)
					: CreateModelRequest.generator(this.name);
		}

	}

	/**
	 * A text to classify or continue.
	 *
	 * @param input the text
	 * @param numHypos how many texts to generate, 1 when not given
	 */
	record Text(String input, @Nullable Integer numHypos) {

		@Override
		public Integer numHypos() {
			return (this.numHypos != null) ? this.numHypos : 1;
		}

	}

}
