package dev.threeam.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the {@link LoadGenerator}: the request being written, and the answer being
 * read (status line and headers, then a Content-Length or chunked body). Not thread-safe: the I/O thread owns it.
 */
final class HttpConnection {
    final SocketChannel channel;
    SelectionKey key;
    ByteBuffer out;
    long index = -1;
    byte[] in = new byte[8192];
    int length;
    boolean closeAfter;
    private String last = "";

    HttpConnection(SocketChannel channel) {
        this.channel = channel;
    }

    int fill() throws IOException {
        if (length == in.length) {
            in = Arrays.copyOf(in, in.length * 2);
        }
        int read = channel.read(ByteBuffer.wrap(in, length, in.length - length));
        if (read > 0) {
            length += read;
        }
        return read;
    }

    /** The status once the whole answer is in, consuming it; 0 while more bytes are needed. */
    int response() {
        int headerEnd = indexOf(in, length, 0);
        if (headerEnd < 0) {
            return 0;
        }
        String head = new String(in, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int bodyStart = headerEnd + 4;
        int end;
        int contentLength = header(head, "content-length");
        if (contentLength >= 0) {
            end = bodyStart + contentLength;
            if (length < end) {
                return 0;
            }
        } else if (head.contains("\ntransfer-encoding: chunked")) {
            end = chunkedEnd(bodyStart);
            if (end < 0) {
                return 0;
            }
        } else {
            end = bodyStart;
        }
        int status = Integer.parseInt(head.substring(9, 12));
        closeAfter = head.contains("\nconnection: close");
        if (status / 100 != 2) {
            last = new String(in, 0, Math.min(end, 400), StandardCharsets.ISO_8859_1).replaceAll("\\s+", " ");
        }
        System.arraycopy(in, end, in, 0, length - end);
        length -= end;
        return status;
    }

    String lastResponse() {
        return last;
    }

    private int chunkedEnd(int from) {
        int position = from;
        while (true) {
            int lineEnd = indexOfCrLf(position);
            if (lineEnd < 0) {
                return -1;
            }
            String sizeText = new String(in, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            position = lineEnd + 2 + size + 2;
            if (position > length) {
                return -1;
            }
            if (size == 0) {
                return position;
            }
        }
    }

    private int indexOfCrLf(int from) {
        for (int index = from; index + 1 < length; index++) {
            if (in[index] == '\r' && in[index + 1] == '\n') {
                return index;
            }
        }
        return -1;
    }

    private static int header(String head, String name) {
        int at = head.indexOf("\n" + name + ":");
        if (at < 0) {
            return -1;
        }
        int valueStart = at + name.length() + 2;
        int lineEnd = head.indexOf('\r', valueStart);
        return Integer.parseInt(head.substring(valueStart, lineEnd < 0 ? head.length() : lineEnd).trim());
    }

    private static int indexOf(byte[] bytes, int length, int from) {
        for (int index = from; index + 3 < length; index++) {
            if (bytes[index] == '\r' && bytes[index + 1] == '\n' && bytes[index + 2] == '\r' && bytes[index + 3] == '\n') {
                return index;
            }
        }
        return -1;
    }
}
