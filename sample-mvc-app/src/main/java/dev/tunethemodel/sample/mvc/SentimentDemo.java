package dev.tunethemodel.sample.mvc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.ClassifierExample;
import dev.tunethemodel.client.Model;
import dev.tunethemodel.client.TrainingData;
import dev.tunethemodel.sample.demo.DemoLog;
import dev.tunethemodel.sample.demo.DemoReport;
import dev.tunethemodel.sample.demo.SentimentDemoScript;

/**
 * The demo the sample runs on start, on a thread of its own while it serves: train a
 * sentiment classifier on the bundled reviews, with a line per step, then classify three
 * sentences.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.demo.enabled", matchIfMissing = true)
class SentimentDemo implements ApplicationRunner {

	private final BlockingTuneTheModelOperations tuneTheModel;

	private final AsyncTaskExecutor taskExecutor;

	private final CompletableFuture<DemoReport> report = new CompletableFuture<>();

	private volatile @Nullable Future<?> running;

	SentimentDemo(BlockingTuneTheModelOperations tuneTheModel, AsyncTaskExecutor taskExecutor) {
		this.tuneTheModel = tuneTheModel;
		this.taskExecutor = taskExecutor;
	}

	/**
	 * Return the result of the demo.
	 * @return the report, once the demo is done, or the exception that stopped it
	 */
	CompletionStage<DemoReport> report() {
		// not a copy, whose stages would wrap the exception
		return this.report;
	}

	@Override
	public void run(ApplicationArguments args) {
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
			Model model = train(SentimentDemoScript.reviews());
			DemoReport report = new DemoReport(model.id(), classify(model));
			DemoLog.done(report);
			this.report.complete(report);
		}
		catch (RuntimeException ex) {
			DemoLog.failed(ex);
			this.report.completeExceptionally(ex);
		}
	}

	private Model train(TrainingData.Split<ClassifierExample> reviews) {
		DemoLog.training();
		return this.tuneTheModel.trainWithProgress(SentimentDemoScript.model(),
				TrainingData.iterable(reviews.training()), TrainingData.iterable(reviews.validation()), DemoLog::step);
	}

	private List<DemoReport.Verdict> classify(Model model) {
		List<DemoReport.Verdict> verdicts = new ArrayList<>();
		for (String sentence : SentimentDemoScript.SENTENCES) {
			DemoReport.Verdict verdict = DemoReport.Verdict.of(sentence,
					this.tuneTheModel.classify(model.id(), sentence));
			DemoLog.verdict(verdict);
			verdicts.add(verdict);
		}
		return verdicts;
	}

}
