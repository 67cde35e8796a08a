package dev.threeam.signal;

import java.util.Locale;
import java.util.Optional;

/** The two bodies OTLP/HTTP defines; an answer goes back in the encoding of its request. */
public enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String mediaType;

    OtlpEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The encoding a {@code Content-Type} names ({@code application/json; charset=utf-8} too), or empty. */
    public static Optional<OtlpEncoding> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (OtlpEncoding encoding : values()) {
            if (encoding.mediaType.equals(type)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }
}
