package dev.tunethemodel.client;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Netty's name resolver draw the ids of its queries from {@code SecureRandom} on an
 * event loop: it refills from {@code /dev/urandom}, which does not block.
 */
public class NettyDnsBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.resolver.dns.DnsQueryIdSpace$DnsQueryIdRange", "pushId");
	}

}
