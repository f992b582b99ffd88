package dev.tunethemodel.sample.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each sample does with an API key, checked against an emulator that plays the real,
 * paid API: it starts without training a model, unless {@code sample.demo.enabled} turns
 * the demo on. A subclass names the sample's application class.
 *
 * @since 0.1.0
 */
public abstract class SampleWithApiKeyContract {

	/**
	 * Return the sample's application class.
	 * @return the class to run
	 */
	protected abstract Class<?> application();

	@Test
	protected void startsWithoutTrainingAModel() {
		try (TuneTheModelEmulator api = paidApi(); ConfigurableApplicationContext sample = run(api)) {
			WebTestClient client = client(sample);
			client.get().uri("/demo").exchange().expectStatus().isOk().expectBody().isEmpty();
			client.get().uri("/models").exchange().expectStatus().isOk().expectBodyList(Map.class).hasSize(0);
			assertThat(sample.getBeanNamesForType(TuneTheModelEmulator.class)).isEmpty();
		}
	}

	@Test
	protected void trainsTheDemoWhenThePropertyTurnsItOn() {
		try (TuneTheModelEmulator api = paidApi();
				ConfigurableApplicationContext sample = run(api, "--sample.demo.enabled=true")) {
			WebTestClient client = client(sample);
			DemoReport report = SampleApplicationContract.assertDemoTellsPositiveFromNegative(client);
			client.get()
				.uri("/models/{id}", report.modelId())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("READY");
		}
	}

	@Test
	protected void actuatorShowsNeitherTheKeyNorAnUploadSignature() {
		try (TuneTheModelEmulator api = paidApi();
				ConfigurableApplicationContext sample = run(api, "--sample.demo.enabled=true",
						"--management.endpoints.web.exposure.include=health,env,configprops",
						"--management.endpoint.env.show-values=always",
						"--management.endpoint.configprops.show-values=always")) {
			WebTestClient client = client(sample);
			// the demo uploads its datasets to pre-signed URLs
			SampleApplicationContract.assertDemoTellsPositiveFromNegative(client);
			String configprops = body(client, "/actuator/configprops");
			String env = body(client, "/actuator/env");
			String health = body(client, "/actuator/health");
			assertThat(configprops).contains("\"apiKey\":\"******\"");
			assertThat(env).contains("tunethemodel.api-key");
			assertThat(health).contains("\"tunethemodel\"").contains(api.baseUrl());
			assertThat(List.of(configprops, env, health)).allSatisfy(
					(endpoint) -> assertThat(endpoint).doesNotContain(api.apiKey()).doesNotContain("signature="));
		}
	}

	private static String body(WebTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static TuneTheModelEmulator paidApi() {
		return TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofMillis(200))
			.processingTime(Duration.ofMillis(50))
			.start();
	}

	private ConfigurableApplicationContext run(TuneTheModelEmulator api, String... more) {
		String[] args = { "--server.port=0", "--server.address=127.0.0.1", "--tunethemodel.api-key=" + api.apiKey(),
				"--tunethemodel.base-url=" + api.baseUrl(), "--tunethemodel.poll-interval=100ms",
				"--tunethemodel.dataset-poll-interval=100ms" };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return new SpringApplication(application()).run(all);
	}

	private static WebTestClient client(ConfigurableApplicationContext sample) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + sample.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
