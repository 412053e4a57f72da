package dev.pcibot.kb.diagnose.parse;

/**
 * Module names: modprobe and the kernel treat {@code -} and {@code _} alike ({@code vfio-pci} =
 * {@code vfio_pci}).
 */
final class ModuleName {
    private ModuleName() {}

    static String normalize(String name) {
        return name.strip().replace('-', '_');
    }

    static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }
}
