package dev.pcibot.bot.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The HTTP requests being answered now ({@code pcibot_http_in_flight_requests}), and what a
 * shutdown waits for. Micronaut's graceful shutdown ({@code micronaut.lifecycle.graceful-shutdown},
 * on in application.yml) closes the listening socket and lets open requests finish, up to the grace
 * period; this says so in the log, once when it starts and once when the last request has ended
 * (or the grace period ran out), so an operator sees that nothing was cut off.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class InFlightRequests implements HttpServerFilter, GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

    private final AtomicInteger running = new AtomicInteger();
    private final Duration grace;
    private volatile CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    InFlightRequests(MeterRegistry registry,
            @Value("${micronaut.lifecycle.graceful-shutdown.grace-period:15s}") Duration grace) {
        this.grace = grace;
        Gauge.builder("pcibot.http.in.flight.requests", running, AtomicInteger::get)
                .description("HTTP requests being answered now").register(registry);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        running.incrementAndGet();
        return Flux.from(chain.proceed(request)).doFinally(signal -> {
            if (running.decrementAndGet() == 0 && draining) {
                drained.complete(null);
            }
        });
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        long start = System.nanoTime();
        int now = running.get();
        LOG.info("Shutting down: no new connections; waiting up to {} s for {} request(s) in flight", grace.toSeconds(), now);
        draining = true;
        if (running.get() == 0) {
            drained.complete(null);
        }
        return drained.orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS).handle((ok, timeout) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (timeout == null) {
                LOG.info("Drained: every request in flight finished ({} at the start) in {} ms", now, millis);
            } else {
                LOG.warn("Grace period of {} s over with {} request(s) still running; stopping anyway", grace.toSeconds(),
                        running.get());
            }
            return null;
        });
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(running.get());
    }
}
