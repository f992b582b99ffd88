package dev.tunethemodel.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link PipelinedRequestsLimit} on a channel of its own: which requests it
 * hands on, and when it closes the connection.
 */
class PipelinedRequestsLimitTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new PipelinedRequestsLimit());

	@Test
	void requestsUpToTheMostAheadOfTheirAnswersAreHandedOn() {
		for (int i = 0; i < EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
			this.channel.writeInbound(get(), LastHttpContent.EMPTY_LAST_CONTENT);
		}
		assertThat(this.channel.isOpen()).isTrue();
		assertThat(this.channel.inboundMessages()).hasSize(2 * EmulatorLimits.MAX_PIPELINED_REQUESTS);
	}

	@Test
	void requestBeyondTheMostAheadOfTheirAnswersClosesTheConnection() {
		for (int i = 0; i <= EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
			this.channel.writeInbound(get());
		}
		assertThat(this.channel.isOpen()).isFalse();
		assertThat(this.channel.inboundMessages()).hasSize(EmulatorLimits.MAX_PIPELINED_REQUESTS);
	}

	@Test
	void answeredRequestsMakeRoomForMore() {
		for (int i = 0; i < 3 * EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
			this.channel.writeInbound(get());
			this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		}
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void informationalAnswerIsNotTheAnswer() {
		for (int i = 0; i < EmulatorLimits.MAX_PIPELINED_REQUESTS; i++) {
			this.channel.writeInbound(get());
		}
		this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
		this.channel.writeInbound(get());
		assertThat(this.channel.isOpen()).isFalse();
	}

	@Test
	void bodyOfTheRequestBeingAnsweredIsHandedOn() {
		this.channel.writeInbound(post(), body(), body());
		assertThat(this.channel.isOpen()).isTrue();
		assertThat(this.channel.inboundMessages()).hasSize(3);
		this.channel.finishAndReleaseAll();
	}

	@Test
	void bodyOfARequestQueuedBehindAnotherClosesTheConnectionAndIsReleased() {
		ByteBuf queued = Unpooled.copiedBuffer(new byte[] { 1, 2, 3 });
		this.channel.writeInbound(get(), LastHttpContent.EMPTY_LAST_CONTENT, post(), new DefaultHttpContent(queued));
		assertThat(this.channel.isOpen()).isFalse();
		assertThat(queued.refCnt()).isZero();
		assertThat(this.channel.inboundMessages()).hasSize(3);
	}

	private static HttpRequest get() {
		return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v0/models");
	}

	private static HttpRequest post() {
		return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v0/models");
	}

	private static DefaultHttpContent body() {
		return new DefaultHttpContent(Unpooled.copiedBuffer(new byte[] { '{', '}' }));
	}

}
