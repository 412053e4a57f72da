package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which known_hosts lines pin which endpoint (a public key generated for this test). */
final class PinnedHostKeyTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBE5nJ7uShG9FQfC5S4KrY0tU6bzMbMiCDaIEScxI3ux";

    @ParameterizedTest(name = "{0} for {1}:{2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.11 | 192.0.2.11 | 22",        // ssh-keyscan's form for port 22
        "[192.0.2.11]:22 | 192.0.2.11 | 22",   // the bracketed form names the same endpoint
        "[192.0.2.11]:2222 | 192.0.2.11 | 2222",
        "pve2,192.0.2.11 | 192.0.2.11 | 22",
        "- | 192.0.2.11 | 22",                 // a bare key: no host to check
    })
    void linesForThisEndpointPin(String hosts, String host, int port) {
        String line = hosts.equals("-") ? KEY : hosts + " " + KEY;
        assertDoesNotThrow(() -> PinnedHostKey.parse(line, host, port));
    }

    @ParameterizedTest(name = "{0} for {1}:{2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.12 | 192.0.2.11 | 22",
        "[192.0.2.11]:2222 | 192.0.2.11 | 22",
        "192.0.2.11 | 192.0.2.11 | 2222",       // bare host means port 22 only
    })
    void linesForAnotherEndpointAreRefused(String hosts, String host, int port) {
        assertThrows(IllegalArgumentException.class, () -> PinnedHostKey.parse(hosts + " " + KEY, host, port));
    }
}
