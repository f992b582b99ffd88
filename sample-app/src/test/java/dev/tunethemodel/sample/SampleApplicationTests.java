package dev.tunethemodel.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import dev.tunethemodel.sample.demo.SampleApplicationContract;

/**
 * Tests of the WebFlux sample, booted as a user runs it: without an API key, on the local
 * emulator; the checks are those of every sample.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tunethemodel.api-key=")
@AutoConfigureWebTestClient(timeout = "30s")
class SampleApplicationTests extends SampleApplicationContract {

}
