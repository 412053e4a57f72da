package dev.pcibot.bot.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.jspecify.annotations.Nullable;

/**
 * Runs an action when the client of a request closes its connection: the diagnosis is cancelled
 * then instead of spending its whole budget for nobody. Close it when the work is done.
 *
 * <p>NOTE: the connection's close is the only signal Netty gives cheaply; a client that stays
 * connected but stops reading is bounded by the budget alone.
 */
final class ClientGone implements AutoCloseable {
    private final @Nullable Channel channel;
    private final @Nullable ChannelFutureListener listener;

    private ClientGone(@Nullable Channel channel, @Nullable ChannelFutureListener listener) {
        this.channel = channel;
        this.listener = listener;
    }

    /** Watches the request's connection; without a Netty request (tests off Netty) it watches nothing. */
    static ClientGone watch(HttpRequest<?> request, Runnable onGone) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return new ClientGone(null, null);
        }
        Channel channel = netty.getChannelHandlerContext().channel();
        ChannelFutureListener listener = f -> onGone.run();
        channel.closeFuture().addListener(listener);
        return new ClientGone(channel, listener);
    }

    @Override
    public void close() {
        if (channel != null && listener != null) {
            channel.closeFuture().removeListener(listener);
        }
    }
}
