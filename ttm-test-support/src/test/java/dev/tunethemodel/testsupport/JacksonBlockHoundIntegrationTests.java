package dev.tunethemodel.testsupport;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import reactor.blockhound.integration.BlockHoundIntegration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that BlockHound finds {@link JacksonBlockHoundIntegration} on the test class path
 * of every module that depends on this one.
 */
class JacksonBlockHoundIntegrationTests {

	@Test
	void integrationIsRegisteredForBlockHound() {
		assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
			.contains(JacksonBlockHoundIntegration.class);
	}

}
