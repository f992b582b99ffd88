package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training under {@link AutoConfigureTuneTheModelEmulator} with its defaults, as a
 * user's first test would write it: train, await ready, classify.
 */
@SpringBootTest
@AutoConfigureTuneTheModelEmulator
class EmulatorTrainingTests {

	@Autowired
	BlockingTuneTheModelOperations tuneTheModel;

	@Test
	void trainsAClassifierUntilItIsReady() {
		Model model = this.tuneTheModel.train(CreateModelRequest.classifier("sentiment", 2), reviews(20), reviews(16));
		Model ready = this.tuneTheModel.awaitReady(model.id(), Duration.ofMinutes(1));
		assertThat(ready.status()).isEqualTo(ModelStatus.READY);
		assertThat(this.tuneTheModel.classify(ready.id(), "what a wonderful stay").bestClass()).isOne();
	}

	private static List<ClassifierExample> reviews(int pairs) {
		List<ClassifierExample> reviews = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			reviews.add(new ClassifierExample("a wonderful friendly stay " + i, 1));
			reviews.add(new ClassifierExample("a rude awful stay " + i, 0));
		}
		return reviews;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
