package dev.threeam.testing;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** This machine's own addresses, for checking who can reach a listening socket (packets never leave the machine). */
public final class MachineAddresses {

    private MachineAddresses() {}

    /** An IPv4 address of one of this machine's own interfaces that is not loopback, or the test is skipped. */
    public static InetAddress nonLoopback() throws SocketException {
        Optional<InetAddress> found = findNonLoopback();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address: skipped");
        return found.get();
    }

    /** An IPv4 address of one of this machine's own interfaces that is not loopback, if it has one. */
    public static Optional<InetAddress> findNonLoopback() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(MachineAddresses::up)
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
    }

    /** Opens and closes a TCP connection; an {@link IOException} means nothing listens there for us. */
    public static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
