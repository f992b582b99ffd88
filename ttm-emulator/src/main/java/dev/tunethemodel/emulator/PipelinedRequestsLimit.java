package dev.tunethemodel.emulator;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Closes a connection on which a client sends more than
 * {@link EmulatorLimits#MAX_PIPELINED_REQUESTS} requests ahead of their responses, or a
 * body with a request queued behind another: Reactor Netty holds queued requests and what
 * it reads of their bodies in memory without a bound, and reads on while a response waits
 * for a client that does not read. One instance a connection, right after the HTTP codec.
 */
final class PipelinedRequestsLimit extends ChannelDuplexHandler {

	private int awaitingResponse;

	private boolean closed;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (!this.closed && (isQueuedOverTheLimit(message) || isQueuedBody(message))) {
			this.closed = true;
			ctx.close();
		}
		if (this.closed) {
			// what the decoder still hands on after the close
			ReferenceCountUtil.release(message);
			return;
		}
		ctx.fireChannelRead(message);
	}

	private boolean isQueuedOverTheLimit(Object message) {
		return message instanceof HttpRequest && ++this.awaitingResponse > EmulatorLimits.MAX_PIPELINED_REQUESTS;
	}

	// a body belongs to the latest request, queued behind one awaiting its response
	private boolean isQueuedBody(Object message) {
		return this.awaitingResponse > 1 && message instanceof HttpContent content && content.content().isReadable();
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
		if (message instanceof LastHttpContent && !isInformational(message)) {
			this.awaitingResponse--;
		}
		ctx.write(message, promise);
	}

	// a 100 Continue is not the response, which follows it
	private static boolean isInformational(Object message) {
		return message instanceof HttpResponse response
				&& response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
	}

}
