package dev.tunethemodel.sample.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.sample.demo.DemoLog;
import dev.tunethemodel.sample.demo.SentimentDemoScript;

/**
 * The classifier the job scores with: the one {@code scoring.model-id} names, or, on the
 * local emulator, where a training is free, a sentiment classifier trained on the bundled
 * reviews. With an API key and no model id, the application stops at startup and says
 * which property to set.
 */
@Component
class ScoringModel {

	private final BlockingTuneTheModelOperations tuneTheModel;

	private final String modelId;

	ScoringModel(BlockingTuneTheModelOperations tuneTheModel, ScoringProperties properties,
			@Value("${" + SentimentDemoScript.ENABLED_PROPERTY + ":false}") boolean trainOnStart) {
		this.tuneTheModel = tuneTheModel;
		this.modelId = (properties.getModelId() != null) ? properties.getModelId() : "";
		if (!StringUtils.hasText(this.modelId) && !trainOnStart) {
			throw new InvalidConfigurationPropertyValueException("scoring.model-id", this.modelId,
					"With an API key, the sample scores with a classifier of yours: set --scoring.model-id=<the id of "
							+ "a ready classifier> (it trains none, as a training on the API costs money)");
		}
	}

	/**
	 * Return the id of the classifier to score with, training one first on the emulator.
	 * @return the id
	 */
	String id() {
		if (StringUtils.hasText(this.modelId)) {
			return this.modelId;
		}
		DemoLog.training();
		TrainingData.Split<ClassifierExample> reviews = SentimentDemoScript.reviews();
		Model model = this.tuneTheModel.trainWithProgress(SentimentDemoScript.model(),
				TrainingData.iterable(reviews.training()), TrainingData.iterable(reviews.validation()), DemoLog::step);
		return model.id();
	}

}
