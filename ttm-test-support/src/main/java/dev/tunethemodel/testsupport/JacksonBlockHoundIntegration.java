package dev.tunethemodel.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Jackson fill its cache of deserializers on an event loop: the lock it takes is
 * held only while a deserializer is first created, so that concurrent first calls meet
 * it.
 *
 * @since 0.1.0
 */
public class JacksonBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
	}

}
