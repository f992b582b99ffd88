package dev.tunethemodel.autoconfigure;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the beans of named clients can be processed ahead of time, as Spring AOT and
 * native images need: their definitions are generated as code, qualifier included.
 */
class TuneTheModelNamedClientsAotTests {

	@Test
	void namedClientsAreGeneratedAheadOfTimeWithTheirQualifier() throws IOException {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("tunethemodel.api-key", "ttm-aot-key-19c3",
						"tunethemodel.clients.acme.api-key", "ttm-acme-aot-key-77d1")));
			context.register(AutoConfigured.class);
			InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(AutoConfigured.class)), files);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			generation.writeGeneratedContent();
			StringBuilder sources = new StringBuilder();
			for (String path : files.getGeneratedFiles(Kind.SOURCE).keySet()) {
				sources.append(files.getGeneratedFileContent(Kind.SOURCE, path)).append('\n');
			}
			assertThat(sources.toString()).contains("\"tuneTheModelTemplate-acme\"")
				.contains("\"blockingTuneTheModelTemplate-acme\"")
				.contains("addQualifier")
				.contains("setDefaultCandidate(false)")
				.doesNotContain("ttm-acme-aot-key-77d1");
		}
	}

	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class, WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class })
	static class AutoConfigured {

	}

}
