package dev.tunethemodel.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the benchmarks: auto-configuration only, as a user's application
 * with the starter has.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchmarkApplication {

}
