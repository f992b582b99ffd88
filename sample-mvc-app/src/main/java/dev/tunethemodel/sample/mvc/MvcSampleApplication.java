package dev.tunethemodel.sample.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import dev.tunethemodel.sample.demo.ModelProblems;

/**
 * A Spring MVC application that uses the Tune the Model starter's blocking API.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@Import(ModelProblems.class)
public class MvcSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcSampleApplication.class, args);
	}

}
