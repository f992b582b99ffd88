package dev.tunethemodel.sample.mvc;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.task.support.TaskExecutorAdapter;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SentimentDemo} without a server.
 */
class SentimentDemoTests {

	@Test
	void demoFailsWhenTheTrainingEndsWithoutTheEvaluationOfTheClassifier() {
		BlockingTuneTheModelOperations tuneTheModel = mock(BlockingTuneTheModelOperations.class);
		SentimentDemo demo = new SentimentDemo(tuneTheModel, new TaskExecutorAdapter(Runnable::run), true);
		demo.run(new DefaultApplicationArguments());
		assertThat(demo.report().toCompletableFuture()).isCompletedExceptionally()
			.failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("The training of the classifier ended without its evaluation");
	}

}
