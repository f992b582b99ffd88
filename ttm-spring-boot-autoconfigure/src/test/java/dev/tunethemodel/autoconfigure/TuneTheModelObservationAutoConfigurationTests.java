package dev.tunethemodel.autoconfigure;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.observation.DefaultTuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.UploadMeterObservationHandler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the observations of the auto-configured client, in the application's registry.
 */
class TuneTheModelObservationAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String MODEL = "{\"model_name\": \"m-1\", \"status\": \"Ready\"}";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=observed-key", "tunethemodel.base-url=" + wireMock.baseUrl());

	private final ApplicationContextRunner observedRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void operationsAreTimedInTheApplicationsMeterRegistry() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		this.observedRunner.run((context) -> {
			context.getBean(TuneTheModelOperations.class).getModel("m-1").block(TIMEOUT);
			Timer timer = context.getBean(MeterRegistry.class)
				.get(DefaultTuneTheModelObservationConvention.NAME)
				.tag("tunethemodel.operation", "get_model")
				.tag("outcome", "SUCCESS")
				.tag("error", "none")
				.timer();
			assertThat(timer.count()).isOne();
		});
	}

	@Test
	void conventionOfTheApplicationReplacesTheDefault() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		this.observedRunner.withUserConfiguration(OwnConvention.class).run((context) -> {
			context.getBean(TuneTheModelOperations.class).getModel("m-1").block(TIMEOUT);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("ml.calls").tag("tunethemodel.operation", "get_model").timer().count()).isOne();
			assertThat(meters.find(DefaultTuneTheModelObservationConvention.NAME).timer()).isNull();
		});
	}

	@Test
	void uploadsAreCountedInTheApplicationsMeterRegistry() {
		wireMock.stubFor(put("/bucket/train").willReturn(aResponse().withStatus(200)));
		DatasetFile file = new DatasetFile("f-1", "train", ModelType.CLASSIFIER, FileStatus.CREATED, "filecreated",
				URI.create(wireMock.baseUrl() + "/bucket/train"));
		this.observedRunner.run((context) -> {
			assertThat(context).hasSingleBean(UploadMeterObservationHandler.class);
			context.getBean(TuneTheModelOperations.class)
				.upload(file, Flux.range(0, 40).map((i) -> new ClassifierExample("text " + i, i % 2)))
				.block(TIMEOUT);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(UploadMeterObservationHandler.EXAMPLES).counter().count()).isEqualTo(40);
			assertThat(meters.get(UploadMeterObservationHandler.BYTES).summary().count()).isOne();
		});
	}

	@Test
	void withoutObservabilityNothingIsObservedAndTheClientWorks() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(UploadMeterObservationHandler.class);
			assertThat(context.getBean(TuneTheModelOperations.class).getModel("m-1").block(TIMEOUT).id())
				.isEqualTo("m-1");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConvention {

		@Bean
		TuneTheModelObservationConvention ownConvention() {
			return new DefaultTuneTheModelObservationConvention() {

				@Override
				public String getName() {
					return "ml.calls";
				}

			};
		}

	}

}
