package dev.tunethemodel.sample.mvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.model.Classification;
import dev.tunethemodel.client.model.Generation;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.sample.demo.DemoReport;
import dev.tunethemodel.sample.demo.ModelProblems;
import dev.tunethemodel.sample.demo.NewModel;
import dev.tunethemodel.sample.demo.Text;

/**
 * HTTP endpoints over the starter's blocking API: each handler waits for its response on
 * its request's thread, but for the status events, which a task executor follows; errors
 * are handled by {@link ModelProblems}.
 */
@RestController
class ModelController {

	// a demo on the API may train longer: then the response says to ask again
	private static final Duration DEMO_WAIT = Duration.ofMinutes(1);

	// a training on the API may take this long; the watch stops with the stream
	private static final Duration EVENTS_TIMEOUT = Duration.ofMinutes(30);

	private final BlockingTuneTheModelOperations tuneTheModel;

	private final AsyncTaskExecutor taskExecutor;

	private final SentimentDemo demo;

	ModelController(BlockingTuneTheModelOperations tuneTheModel, AsyncTaskExecutor taskExecutor, SentimentDemo demo) {
		this.tuneTheModel = tuneTheModel;
		this.taskExecutor = taskExecutor;
		this.demo = demo;
	}

	@GetMapping("/models")
	List<Model> models() {
		return this.tuneTheModel.listModels();
	}

	@PostMapping("/models")
	Model create(@RequestBody NewModel model) {
		return this.tuneTheModel.createModel(model.request());
	}

	@GetMapping("/models/{id}")
	Model model(@PathVariable String id) {
		return this.tuneTheModel.getModel(id);
	}

	@DeleteMapping("/models/{id}")
	Model delete(@PathVariable String id) {
		return this.tuneTheModel.deleteModel(id);
	}

	@PostMapping("/models/{id}/classify")
	Classification classify(@PathVariable String id, @RequestBody Text text) {
		return this.tuneTheModel.classify(id, text.input());
	}

	@PostMapping("/models/{id}/generate")
	Generation generate(@PathVariable String id, @RequestBody Text text) {
		return this.tuneTheModel.generate(id, text.generateRequest());
	}

	@GetMapping(path = "/models/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String id) {
		SseEmitter emitter = new SseEmitter(EVENTS_TIMEOUT.toMillis());
		Future<?> watching = this.taskExecutor.submit(() -> watch(id, emitter));
		// interrupted, the watch stops waiting for the next change
		emitter.onTimeout(() -> watching.cancel(true));
		emitter.onError((ex) -> watching.cancel(true));
		return emitter;
	}

	@GetMapping("/demo")
	DeferredResult<DemoReport> demo() {
		DeferredResult<DemoReport> result = new DeferredResult<>(DEMO_WAIT.toMillis(), ProblemDetail
			.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The demo is still training: ask again later"));
		this.demo.report().whenComplete((report, ex) -> {
			if (ex != null) {
				result.setErrorResult(ex);
			}
			else {
				result.setResult(report);
			}
		});
		return result;
	}

	private void watch(String id, SseEmitter emitter) {
		try {
			this.tuneTheModel.watch(id, (model) -> send(emitter, model));
			emitter.complete();
		}
		catch (RuntimeException ex) {
			emitter.completeWithError(ex);
		}
	}

	private static void send(SseEmitter emitter, Model model) {
		try {
			emitter.send(SseEmitter.event().name("status").id(model.status().name()).data(model));
		}
		catch (IOException ex) {
			// the client has gone: the exception stops the watch
			throw new UncheckedIOException(ex);
		}
	}

}
