package dev.threeam.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files the bot uploads to the sandbox's Slack, as Slack takes them: {@code files.getUploadURLExternal} reserves a
 * file and an unguessable upload URL, the bytes are POSTed there, {@code files.completeUploadExternal} shares it. In
 * memory, thread-safe, and bounded: the oldest files go first past {@link #MAX_FILES} or {@link #MAX_BYTES}.
 */
public final class SandboxFiles {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final int MAX_FILES = 500;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A file: {@code bytes} null until uploaded; {@code title} set once shared. */
    public record SandboxFile(String id, String uploadKey, String filename, int length, String altText, byte[] bytes, String title) {
        public boolean uploaded() {
            return bytes != null;
        }

        /** {@code image/png} for a {@code .png}, else {@code application/octet-stream}. */
        public String mimetype() {
            return filename.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? "image/png" : "application/octet-stream";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxFile> files = new LinkedHashMap<>();
    private long bytes;
    private long next = 1;

    /** A new file awaiting its bytes; {@link SlackApiError} for a missing name or a length the sandbox will not take. */
    synchronized SandboxFile reserve(String filename, int length, String altText) {
        if (filename == null || filename.isBlank()) {
            throw new SlackApiError("invalid_arguments", "filename: required");
        }
        if (length <= 0 || length > MAX_FILE_BYTES) {
            throw new SlackApiError("invalid_arguments", "length: between 1 and " + MAX_FILE_BYTES + " bytes in the sandbox");
        }
        byte[] key = new byte[16];
        random.nextBytes(key);
        SandboxFile file = new SandboxFile(String.format("F0SANDBOX%06d", next++), HexFormat.of().formatHex(key), filename, length,
                altText, null, null);
        files.put(file.id(), file);
        evict();
        return file;
    }

    /** The bytes sent to an upload URL; false when no file waits at that key or they are not the length announced. */
    synchronized boolean receive(String uploadKey, byte[] content) {
        Optional<SandboxFile> file = files.values().stream().filter(f -> f.uploadKey().equals(uploadKey) && !f.uploaded()).findFirst();
        if (file.isEmpty() || content.length != file.get().length()) {
            return false;
        }
        SandboxFile f = file.get();
        files.put(f.id(), new SandboxFile(f.id(), f.uploadKey(), f.filename(), f.length(), f.altText(), content.clone(), null));
        bytes += content.length;
        evict();
        return true;
    }

    /** Shares an uploaded file under {@code title}; {@link SlackApiError} when it was never uploaded or already shared. */
    synchronized SandboxFile complete(String id, String title) {
        SandboxFile file = files.get(id);
        if (file == null || !file.uploaded()) {
            throw new SlackApiError("file_not_found", "file " + id + " was not uploaded");
        }
        if (file.title() != null) {
            throw new SlackApiError("file_already_completed", "file " + id + " was already shared");
        }
        SandboxFile shared = new SandboxFile(file.id(), file.uploadKey(), file.filename(), file.length(), file.altText(), file.bytes(),
                title == null || title.isBlank() ? file.filename() : title);
        files.put(id, shared);
        return shared;
    }

    public synchronized Optional<SandboxFile> file(String id) {
        return Optional.ofNullable(files.get(id));
    }

    private void evict() {
        var oldest = files.entrySet().iterator();
        while ((files.size() > MAX_FILES || bytes > MAX_BYTES) && oldest.hasNext()) {
            SandboxFile file = oldest.next().getValue();
            bytes -= file.uploaded() ? file.bytes().length : 0;
            oldest.remove();
        }
    }
}
