package dev.tunethemodel.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import dev.tunethemodel.sample.demo.ModelProblems;

/**
 * A Spring Boot application that uses the Tune the Model starter.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@Import(ModelProblems.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
