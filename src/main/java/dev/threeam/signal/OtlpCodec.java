package dev.threeam.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads and writes OTLP/HTTP bodies with the published OTLP classes: binary protobuf, or the OTLP JSON encoding
 * (lowerCamelCase names, 64-bit integers as strings or numbers, enums as integers) whose trace and span ids are
 * hex where protobuf's JSON mapping expects base64: they are rewritten before {@link JsonFormat} parses.
 * Gzip bodies are inflated up to {@link #MAX_DECODED} bytes.
 */
public final class OtlpCodec {

    /** A decompressed body may be this large: a Collector batch of 8192 points with attributes fits many times. */
    public static final int MAX_DECODED = 16 * 1024 * 1024;
    private static final Set<String> HEX_IDS = Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id");
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpCodec() {}

    /** Inflates a gzip body, refusing one that grows past {@link #MAX_DECODED}. */
    public static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_DECODED, body.length * 4 + 64));
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (out.size() + read > MAX_DECODED) {
                    throw new BodyTooLarge("body: inflates to more than " + MAX_DECODED / (1024 * 1024) + " MiB");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UndecodableBody("body: Content-Encoding is gzip but the body is not gzip data (" + e.getMessage() + ")");
        }
    }

    /** Parses {@code body} into a message like {@code prototype}, in the given encoding. */
    @SuppressWarnings("unchecked")
    public static <T extends Message> T decode(byte[] body, OtlpEncoding encoding, T prototype) {
        String what = prototype.getDescriptorForType().getName();
        if (encoding == OtlpEncoding.PROTOBUF) {
            try {
                return (T) prototype.getParserForType().parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                throw new UndecodableBody("body: not a protobuf " + what + " (" + e.getMessage() + ")");
            }
        }
        Message.Builder builder = prototype.newBuilderForType();
        try {
            JsonNode tree = TREE.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new UndecodableBody("body: expected a JSON object (OTLP JSON " + what + ")");
            }
            hexToBase64(tree, "");
            JSON_PARSER.merge(TREE.writeValueAsString(tree), builder);
        } catch (JsonProcessingException e) {
            throw new UndecodableBody("body: not JSON (" + e.getOriginalMessage() + ")");
        } catch (InvalidProtocolBufferException e) {
            throw new UndecodableBody("body: not OTLP JSON " + what + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UndecodableBody("body: cannot be read (" + e.getMessage() + ")");
        }
        return (T) builder.build();
    }

    /** A message in the given encoding. */
    public static byte[] encode(Message message, OtlpEncoding encoding) {
        if (encoding == OtlpEncoding.PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return JSON_PRINTER.print(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("OTLP messages always print as JSON", e);
        }
    }

    /** The {@code google.rpc.Status} an OTLP/HTTP error answer carries. */
    public static byte[] status(int grpcCode, String message, OtlpEncoding encoding) {
        return encode(com.google.rpc.Status.newBuilder().setCode(grpcCode).setMessage(message).build(), encoding);
    }

    /** OTLP JSON ids are hex; protobuf's JSON mapping reads bytes as base64. */
    private static void hexToBase64(JsonNode node, String path) {
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                hexToBase64(node.get(index), path + "[" + index + "]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (HEX_IDS.contains(field.getKey()) && field.getValue().isTextual()) {
                field.setValue(new TextNode(base64(field.getValue().asText(), at)));
            } else {
                hexToBase64(field.getValue(), at);
            }
        }
    }

    private static String base64(String hex, String path) {
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new UndecodableBody(path + ": expected a hex id, got \"" + (hex.length() > 40 ? hex.substring(0, 40) + "…" : hex) + "\"");
        }
    }
}
