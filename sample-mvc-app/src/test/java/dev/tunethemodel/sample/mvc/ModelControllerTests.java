package dev.tunethemodel.sample.mvc;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ModelController} without a server.
 */
class ModelControllerTests {

	@Test
	void demoAnswersWithTheExceptionThatStoppedTheDemoSoThatItIsMappedToAProblem() {
		BlockingTuneTheModelOperations tuneTheModel = mock(BlockingTuneTheModelOperations.class);
		TuneTheModelException failure = new TuneTheModelException("The API is unreachable");
		given(tuneTheModel.trainWithProgress(any(), any(), any(), any())).willThrow(failure);
		AsyncTaskExecutor sameThread = new TaskExecutorAdapter(Runnable::run);
		SentimentDemo demo = new SentimentDemo(tuneTheModel, sameThread, true);
		demo.run(new DefaultApplicationArguments());
		ModelController controller = new ModelController(tuneTheModel, sameThread, demo);
		assertThat(controller.demo().getResult()).isSameAs(failure);
	}

}
