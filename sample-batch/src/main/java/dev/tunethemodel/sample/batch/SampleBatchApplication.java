package dev.tunethemodel.sample.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Batch application that scores a file of reviews into a table with the Tune the
 * Model starter, then exits: with 0 when the job completed, else with 1.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@EnableConfigurationProperties({ ReviewsProperties.class, ScoringProperties.class })
public class SampleBatchApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(SampleBatchApplication.class, args)));
	}

}
