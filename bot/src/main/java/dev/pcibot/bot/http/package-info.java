/**
 * The HTTP API: one controller per job ({@code /api/search}, {@code /api/diagnose},
 * {@code /api/health} with {@code /live} and {@code /ready}, checked by {@link
 * dev.pcibot.bot.http.Readiness}), the JSON records they answer with, and the one error shape every failure
 * takes ({@link dev.pcibot.bot.http.ApiError}). The web page is static, in resources {@code public/}.
 * Add the next endpoint as its own controller here.
 */
@NullMarked
package dev.pcibot.bot.http;

import org.jspecify.annotations.NullMarked;
