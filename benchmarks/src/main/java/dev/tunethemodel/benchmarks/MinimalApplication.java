package dev.tunethemodel.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal application that prints how long its context took to start, then stops.
 *
 * @since 0.1.0
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MinimalApplication {

	static final String STARTED = "context-started-ms=";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--tunethemodel.api-key=startup-benchmark")) {
			System.out.println(STARTED + (System.nanoTime() - start) / 1e6);
		}
	}

}
