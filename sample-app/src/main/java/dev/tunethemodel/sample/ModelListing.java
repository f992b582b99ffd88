package dev.tunethemodel.sample;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.tunethemodel.client.Model;
import dev.tunethemodel.client.TuneTheModelException;
import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * Lists the account's models when the application starts.
 */
@Component
class ModelListing implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ModelListing.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TuneTheModelOperations tuneTheModel;

	ModelListing(TuneTheModelOperations tuneTheModel) {
		this.tuneTheModel = tuneTheModel;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			// a runner may wait for the answer (IllegalStateException on timeout); a request handler would return the Flux
			List<Model> models = this.tuneTheModel.listModels().collectList().block(TIMEOUT);
			logger.info("{} model(s) in the account", (models != null) ? models.size() : 0);
			if (models != null) {
				models.forEach((model) -> logger.info("  {}  {}  {}  {}", model.id(), model.type(), model.status(),
						model.name()));
			}
		}
		catch (TuneTheModelException | IllegalStateException ex) {
			logger.error("Could not list the models: {}", ex.getMessage());
		}
	}

}
