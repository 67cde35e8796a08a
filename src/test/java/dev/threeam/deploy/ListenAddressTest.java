package dev.threeam.deploy;

import static dev.threeam.testing.MachineAddresses.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import dev.threeam.testing.MachineAddresses;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HOST} decides who can reach 3am: sandbox mode (no Slack token, no accounts, no webhook token) listens on
 * loopback only, so nobody else on the network can fire alerts into it, and listens wider only with
 * {@code WEBHOOK_TOKEN}. Checked by connecting to one of this machine's own non-loopback addresses (the packets never
 * leave the machine); skipped when it has none.
 */
class ListenAddressTest {

    @TempDir
    Path dir;

    @Test
    void sandbox_mode_answers_on_loopback_but_not_on_the_machines_other_addresses() throws IOException {
        InetAddress other = MachineAddresses.nonLoopback();
        try (TestApp sandbox = TestApp.start(sandboxSettings())) {
            int port = sandbox.app().port();

            assertThat(sandbox.app().host()).isEqualTo("127.0.0.1");
            connect(InetAddress.getLoopbackAddress(), port);
            assertThatThrownBy(() -> connect(other, port)).as("sandbox mode reached on " + other.getHostAddress())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void host_0_0_0_0_with_a_webhook_token_answers_on_the_machines_other_addresses_too() throws IOException {
        InetAddress other = MachineAddresses.nonLoopback();
        Map<String, String> settings = sandboxSettings();
        settings.put("HOST", "0.0.0.0");
        settings.put("WEBHOOK_TOKEN", TestApp.TOKEN);
        try (TestApp everywhere = TestApp.start(settings)) {
            connect(other, everywhere.app().port());
        }
    }

    @Test
    void sandbox_mode_refuses_to_listen_beyond_loopback_without_a_webhook_token_naming_it() {
        Map<String, String> settings = sandboxSettings();
        settings.put("HOST", "0.0.0.0");

        assertThatThrownBy(() -> TestApp.start(settings)).isInstanceOf(ThreeAmException.class)
                .hasMessageContaining("HOST 0.0.0.0").hasMessageContaining("needs WEBHOOK_TOKEN");
    }

    private Map<String, String> sandboxSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("PORT", "0");
        settings.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"));
        settings.put("RUNBOOKS_DIR", TestApp.runbooks(dir).toString());
        return settings;
    }
}
