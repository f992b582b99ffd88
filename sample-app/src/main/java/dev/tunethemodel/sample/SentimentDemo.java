package dev.tunethemodel.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.Evaluated;
import dev.tunethemodel.sample.demo.DemoLog;
import dev.tunethemodel.sample.demo.DemoReport;
import dev.tunethemodel.sample.demo.SentimentDemoScript;

/**
 * The demo the sample runs on start, in the background while it serves: train a sentiment
 * classifier on the bundled reviews, with a line per step, show its figures on the
 * validation reviews, then classify three sentences. It runs when
 * {@code sample.demo.enabled} is true: by default on the local emulator, not with an API
 * key. Decided at run time, not by a condition, which AOT processing would fix at build
 * time.
 */
@Component
class SentimentDemo implements ApplicationRunner {

	private final TuneTheModelOperations tuneTheModel;

	private final boolean enabled;

	private final Sinks.One<DemoReport> report = Sinks.one();

	SentimentDemo(TuneTheModelOperations tuneTheModel, @Value("${sample.demo.enabled:false}") boolean enabled) {
		this.tuneTheModel = tuneTheModel;
		this.enabled = enabled;
	}

	/**
	 * Return the result of the demo.
	 * @return the report, once the demo is done; empty when the demo is off
	 */
	Mono<DemoReport> report() {
		return this.report.asMono();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			DemoLog.off();
			this.report.tryEmitEmpty();
			return;
		}
		// the bundled reviews are copied to a file: not on an event-loop thread
		Mono.fromCallable(SentimentDemoScript::reviews)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany(this::train)
			.doOnNext(DemoLog::step)
			.ofType(Evaluated.class)
			.single()
			.flatMap(this::classify)
			.subscribe(this.report::tryEmitValue, (ex) -> {
				DemoLog.failed(ex);
				this.report.tryEmitError(ex);
			});
	}

	private Flux<TrainingEvent> train(TrainingData.Split<ClassifierExample> reviews) {
		DemoLog.training();
		return this.tuneTheModel.trainWithProgress(SentimentDemoScript.model(), reviews.training(),
				reviews.validation());
	}

	// classifyAll keeps input order: each classification's index is its sentence's
	private Mono<DemoReport> classify(Evaluated evaluated) {
		String modelId = evaluated.model().id();
		return this.tuneTheModel.classifyAll(modelId, Flux.fromIterable(SentimentDemoScript.SENTENCES))
			.index((index, classification) -> DemoReport.Verdict.of(SentimentDemoScript.SENTENCES.get(index.intValue()),
					classification))
			.doOnNext(DemoLog::verdict)
			.collectList()
			.map((verdicts) -> new DemoReport(modelId, DemoReport.Figures.of(evaluated.evaluation()), verdicts))
			.doOnNext(DemoLog::done);
	}

}
