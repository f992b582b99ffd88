package dev.tunethemodel.sample;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.sample.demo.DemoReport;
import dev.tunethemodel.sample.demo.ModelProblems;
import dev.tunethemodel.sample.demo.NewModel;
import dev.tunethemodel.sample.demo.Text;

/**
 * HTTP endpoints over the starter: every handler returns the client's {@code Mono} or
 * {@code Flux}, so no thread waits for the API; errors are handled by
 * {@link ModelProblems}.
 */
@RestController
class ModelController {

	private final TuneTheModelOperations tuneTheModel;

	private final SentimentDemo demo;

	ModelController(TuneTheModelOperations tuneTheModel, SentimentDemo demo) {
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
		return this.tuneTheModel.generate(id, text.generateRequest());
	}

	@GetMapping(path = "/models/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Model>> events(@PathVariable String id) {
		return this.tuneTheModel.watch(id)
			.map((model) -> ServerSentEvent.builder(model).event("status").id(model.status().name()).build());
	}

	@GetMapping("/demo")
	Mono<DemoReport> demo() {
		return this.demo.report();
	}

}
