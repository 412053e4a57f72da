package dev.pcibot.bot.http;

/**
 * The executor that runs searches and diagnoses: a fixed pool of platform threads
 * ({@code micronaut.executors.cpu-work} in application.yml says why not virtual threads).
 */
final class CpuWork {
    /** The executor's name, for {@code @ExecuteOn}. */
    static final String EXECUTOR = "cpu-work";

    private CpuWork() {}
}
