package dev.tunethemodel.sample;

import dev.tunethemodel.sample.demo.SampleWithApiKeyContract;

/**
 * Tests of the WebFlux sample with an API key: no training at start unless asked for.
 */
class SampleWithApiKeyTests extends SampleWithApiKeyContract {

	@Override
	protected Class<?> application() {
		return SampleApplication.class;
	}

}
