package dev.tunethemodel.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.sample.demo.SampleApplicationContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application in AOT mode, as {@code spring-boot:process-aot} prepared it, on
 * the emulator: it starts from the generated initializer, trains and classifies, and
 * reports its health.
 */
class SampleAotIT {

	@Test
	void runsInAotModeOnTheEmulator() throws ClassNotFoundException {
		assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
		assertThat(Class.forName(SampleApplication.class.getName() + "__ApplicationContextInitializer")).isNotNull();
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// the AOT initializer is named after the main class, hidden by the runner
		application.setMainApplicationClass(SampleApplication.class);
		try (ConfigurableApplicationContext context = application.run("--server.port=0", "--tunethemodel.api-key=")) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
				.responseTimeout(Duration.ofSeconds(30))
				.build();
			SampleApplicationContract.assertDemoTellsPositiveFromNegative(client);
			SampleApplicationContract.assertTunethemodelHealthIsUp(client);
		}
	}

}
