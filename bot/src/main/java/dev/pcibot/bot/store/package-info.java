/**
 * The bot's own state in the database (feedback, posted replies, per-server settings, claims of
 * Discord interactions shared by several instances): plain JDBC
 * over the Micronaut {@code DataSource}, SQL that runs on embedded H2 and on PostgreSQL. Schema
 * changes are Flyway migrations in {@code db/migration}; add the next store here.
 */
@NullMarked
package dev.pcibot.bot.store;

import org.jspecify.annotations.NullMarked;
