/**
 * What an operator runs the service by: the counters every door reports to ({@link
 * dev.pcibot.bot.ops.ServiceMetrics}) and their Prometheus page ({@code GET /metrics}), the
 * requests in flight that a shutdown waits for ({@link dev.pcibot.bot.ops.InFlightRequests}), the
 * exit on SIGTERM ({@link dev.pcibot.bot.ops.TermSignal}), the log format switch ({@link
 * dev.pcibot.bot.ops.LogFormatEncoder}) and the OpenAPI document ({@code GET /api/openapi.yml}).
 * Health lives with the API (http.HealthController). Add the next operator-facing piece here, and
 * count the next thing as one method of ServiceMetrics, called in one line from its door.
 */
@NullMarked
package dev.pcibot.bot.ops;

import org.jspecify.annotations.NullMarked;
