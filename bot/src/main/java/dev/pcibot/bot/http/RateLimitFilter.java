package dev.pcibot.bot.http;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Keeps one client from taking the service: per remote address a rate ({@code api.rate-limit.*},
 * see {@link ApiLimitsConfig}) and a bound on its requests running at once, plus a bound over all
 * clients; a refused request gets 429 JSON {@code {"error": ..., "status": 429}} with {@code
 * Retry-After}. Guards the two endpoints that cost CPU; {@code /api/health} and the page stay free,
 * so a monitor still sees a loaded service as up.
 *
 * <p>NOTE: the address is the one {@link HttpClientAddressResolver} gives, so behind a proxy set
 * {@code micronaut.server.client-address-header} (e.g. X-Forwarded-For) or all users share one
 * bucket. The place is freed when the response completes, fails or the client cancels.
 */
@Filter(patterns = {"/api/search", "/api/search/**", "/api/diagnose", "/api/diagnose/**"})
final class RateLimitFilter implements HttpServerFilter {
    private final ClientLimits limits;
    private final HttpClientAddressResolver addresses;

    RateLimitFilter(ApiLimitsConfig config, HttpClientAddressResolver addresses) {
        this.limits = new ClientLimits(config);
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // refuse before anything else is spent on the request
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String address = addresses.resolve(request);
        String client = address == null ? "unknown" : address;
        ClientLimits.Admission admission = limits.tryAcquire(client);
        ClientLimits.Permit permit = admission.permit();
        if (permit == null) {
            ClientLimits.Refusal refusal = java.util.Objects.requireNonNull(admission.refusal());
            MutableHttpResponse<?> refused = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                    .body(new ApiError(refusal.message(), HttpStatus.TOO_MANY_REQUESTS.getCode()));
            return Publishers.just(refused);
        }
        return new Releasing<>(chain.proceed(request), permit);
    }

    /** Passes a publisher through and frees the permit once it completes, fails or is cancelled. */
    private record Releasing<T>(Publisher<T> source, ClientLimits.Permit permit) implements Publisher<T> {
        @Override
        public void subscribe(Subscriber<? super T> downstream) {
            source.subscribe(new Subscriber<T>() {
                @Override
                public void onSubscribe(Subscription s) {
                    downstream.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                            s.request(n);
                        }

                        @Override
                        public void cancel() {
                            permit.release();
                            s.cancel();
                        }
                    });
                }

                @Override
                public void onNext(T item) {
                    downstream.onNext(item);
                }

                @Override
                public void onError(Throwable t) {
                    permit.release();
                    downstream.onError(t);
                }

                @Override
                public void onComplete() {
                    permit.release();
                    downstream.onComplete();
                }
            });
        }
    }
}
