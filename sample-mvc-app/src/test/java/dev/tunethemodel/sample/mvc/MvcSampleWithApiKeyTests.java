package dev.tunethemodel.sample.mvc;

import dev.tunethemodel.sample.demo.SampleWithApiKeyContract;

/**
 * Tests of the Spring MVC sample with an API key: no training at start unless asked for.
 */
class MvcSampleWithApiKeyTests extends SampleWithApiKeyContract {

	@Override
	protected Class<?> application() {
		return MvcSampleApplication.class;
	}

}
