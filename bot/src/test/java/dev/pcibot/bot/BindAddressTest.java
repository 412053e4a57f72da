package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service binds 127.0.0.1 unless MICRONAUT_SERVER_HOST says otherwise, and logs the address it
 * really bound (it used to bind every interface while logging "localhost"). Only loopback and this
 * machine's own addresses are dialled.
 */
class BindAddressTest {
    @Test
    void defaultIsLoopbackOnlyAndTheLogSaysSo(@TempDir Path work) throws IOException {
        try (ServiceProcess service = ServiceProcess.start(work, Map.of())) {
            String line = service.awaitOutput("pcibot listening on .*").group();
            assertTrue(line.contains("pcibot listening on http://127.0.0.1:" + service.port() + ", this address only"), line);
            assertEquals(200, service.get("/api/health").statusCode());
            Optional<InetAddress> own = ownNonLoopbackAddress();
            if (own.isPresent()) {
                assertThrows(IOException.class, () -> connect(own.get(), service.port()),
                        "must not answer on " + own.get().getHostAddress());
            }
        }
    }

    @Test
    void hostVariableOpensAllInterfaces(@TempDir Path work) throws IOException {
        try (ServiceProcess service = ServiceProcess.start(work, Map.of("MICRONAUT_SERVER_HOST", "0.0.0.0"))) {
            String line = service.awaitOutput("pcibot listening on .*").group();
            assertTrue(line.contains("pcibot listening on all interfaces (0.0.0.0), port " + service.port()), line);
            Optional<InetAddress> own = ownNonLoopbackAddress();
            if (own.isPresent()) {
                connect(own.get(), service.port());
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(BindAddressTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean up(NetworkInterface n) {
        try {
            return n.isUp() && !n.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
