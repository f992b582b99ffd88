package dev.tunethemodel.sample.mvc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.TrainingEvent.Evaluated;
import dev.tunethemodel.sample.demo.DemoLog;
import dev.tunethemodel.sample.demo.DemoReport;
import dev.tunethemodel.sample.demo.SentimentDemoScript;

/**
 * The demo the sample runs on start, on a thread of its own while it serves: train a
 * sentiment classifier on the bundled reviews, with a line per step, show its figures on
 * the validation reviews, then classify three sentences. It runs when
 * {@code sample.demo.enabled} is true: by default on the local emulator, not with an API
 * key. Decided at run time, not by a condition, which AOT processing would fix at build
 * time.
 */
@Component
class SentimentDemo implements ApplicationRunner {

	private final BlockingTuneTheModelOperations tuneTheModel;

	private final AsyncTaskExecutor taskExecutor;

	private final boolean enabled;

	private final CompletableFuture<@Nullable DemoReport> report = new CompletableFuture<>();

	private volatile @Nullable Future<?> running;

	SentimentDemo(BlockingTuneTheModelOperations tuneTheModel, AsyncTaskExecutor taskExecutor,
			@Value("${sample.demo.enabled:false}") boolean enabled) {
		this.tuneTheModel = tuneTheModel;
		this.taskExecutor = taskExecutor;
		this.enabled = enabled;
	}

	/**
	 * Return the result of the demo.
	 * @return the report, once the demo is done, {@code null} when the demo is off, or
	 * the exception that stopped it
	 */
	CompletionStage<@Nullable DemoReport> report() {
		// not a copy, whose stages would wrap the exception
		return this.report;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			DemoLog.off();
			this.report.complete(null);
			return;
		}
		// the training takes a while: startup does not wait for it
		this.running = this.taskExecutor.submit(this::runDemo);
	}

	// the executor would wait for the demo to end: interrupt it
	@EventListener(ContextClosedEvent.class)
	void stop() {
		Future<?> running = this.running;
		if (running != null) {
			running.cancel(true);
		}
	}

	private void runDemo() {
		try {
			Evaluated evaluated = train(SentimentDemoScript.reviews());
			String modelId = evaluated.model().id();
			DemoReport report = new DemoReport(modelId, DemoReport.Figures.of(evaluated.evaluation()),
					classify(modelId));
			DemoLog.done(report);
			this.report.complete(report);
		}
		catch (RuntimeException ex) {
			DemoLog.failed(ex);
			this.report.completeExceptionally(ex);
		}
	}

	// the evaluation on the validation reviews is the last event the listener sees
	private Evaluated train(TrainingData.Split<ClassifierExample> reviews) {
		DemoLog.training();
		AtomicReference<@Nullable Evaluated> evaluated = new AtomicReference<>();
		this.tuneTheModel.trainWithProgress(SentimentDemoScript.model(), TrainingData.iterable(reviews.training()),
				TrainingData.iterable(reviews.validation()), (event) -> {
					DemoLog.step(event);
					if (event instanceof Evaluated evaluation) {
						evaluated.set(evaluation);
					}
				});
		Evaluated result = evaluated.get();
		Assert.state(result != null, "The training of the classifier ended without its evaluation");
		return result;
	}

	// classifyAll keeps input order: each classification pairs with its sentence
	private List<DemoReport.Verdict> classify(String modelId) {
		List<DemoReport.Verdict> verdicts = new ArrayList<>();
		this.tuneTheModel.classifyAll(modelId, SentimentDemoScript.SENTENCES, (classification) -> {
			DemoReport.Verdict verdict = DemoReport.Verdict.of(SentimentDemoScript.SENTENCES.get(verdicts.size()),
					classification);
			DemoLog.verdict(verdict);
			verdicts.add(verdict);
		});
		return verdicts;
	}

}
