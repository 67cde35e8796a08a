package dev.threeam.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HOST} decides who can reach 3am: sandbox mode (no Slack token, no accounts, no webhook token) listens on
 * loopback only, so nobody else on the network can fire alerts into it. Checked by connecting to one of this machine's
 * own non-loopback addresses (the packets never leave the machine); skipped when it has none.
 */
class ListenAddressTest {

    @TempDir
    Path dir;

    @Test
    void sandbox_mode_answers_on_loopback_but_not_on_the_machines_other_addresses() throws IOException {
        InetAddress other = nonLoopbackAddress();
        try (TestApp sandbox = TestApp.start(sandboxSettings())) {
            int port = sandbox.app().port();

            assertThat(sandbox.app().host()).isEqualTo("127.0.0.1");
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThatThrownBy(() -> connect(other, port)).as("sandbox mode reached on " + other.getHostAddress())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void host_0_0_0_0_answers_on_the_machines_other_addresses_too() throws IOException {
        InetAddress other = nonLoopbackAddress();
        Map<String, String> settings = sandboxSettings();
        settings.put("HOST", "0.0.0.0");
        try (TestApp everywhere = TestApp.start(settings)) {
            assertThat(connects(other, everywhere.app().port())).as("reached on " + other.getHostAddress()).isTrue();
        }
    }

    private Map<String, String> sandboxSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("PORT", "0");
        settings.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"));
        settings.put("RUNBOOKS_DIR", TestApp.runbooks(dir).toString());
        return settings;
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        connect(address, port);
        return true;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    /** An IPv4 address of one of this machine's own interfaces that is not loopback, or the test is skipped. */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        Optional<InetAddress> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(ListenAddressTest::up)
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address: skipped");
        return found.get();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
