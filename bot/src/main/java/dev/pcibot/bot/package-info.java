/**
 * The Micronaut application: start-up, configuration records and factories that adapt the kb
 * library. HTTP lives in {@code http}, the CLI in {@code cli}, Discord in {@code discord}.
 */
@NullMarked
package dev.pcibot.bot;

import org.jspecify.annotations.NullMarked;
