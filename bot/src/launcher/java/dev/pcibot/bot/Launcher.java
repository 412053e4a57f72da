package dev.pcibot.bot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's {@code Main-Class}: says which Java is needed when {@code java -jar} runs on an older
 * one, instead of an {@code UnsupportedClassVersionError} about "class file version 65.0". Compiled
 * for Java 8 on its own (bot/pom.xml, execution {@code launcher-java8}), so any JVM a user may
 * have can load it; everything else is Java 21. On 21+ it hands over to {@code Application.main}.
 * It names no Java 21 class in its bytecode, only by name at run time, so an old JVM never tries to
 * load one before the check.
 */
public final class Launcher {
    static final int REQUIRED = 21;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int major = major(System.getProperty("java.specification.version", "0"));
        if (major < REQUIRED) {
            System.err.println("pcibot needs Java " + REQUIRED + " or newer; this is Java " + major
                    + ": run ./run.sh or set JAVA_HOME");
            System.exit(1);
        }
        MethodHandle main = MethodHandles.lookup().findStatic(Class.forName("dev.pcibot.bot.Application"), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }

    /** "1.8" is Java 8; from 9 on the version is the major number itself. */
    static int major(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
