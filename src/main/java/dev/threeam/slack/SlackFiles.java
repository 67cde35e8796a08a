package dev.threeam.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.model.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Slack's file upload, in its three steps: {@code files.getUploadURLExternal} (a URL and a file id), the bytes POSTed to
 * that URL, {@code files.completeUploadExternal} (shares the file into a channel's thread). Failures are sorted like
 * every other call ({@link SlackCallException}); nothing is retried here.
 */
public final class SlackFiles {

    /** Where Slack said to send the bytes, and the file they become. */
    public record Upload(String url, String fileId) {}

    private final SlackGateway gateway;
    private final MethodsClient client;
    private final SlackMetrics metrics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SlackFiles(SlackGateway gateway, MethodsClient client, SlackMetrics metrics) {
        this.gateway = gateway;
        this.client = client;
        this.metrics = metrics;
    }

    public Upload uploadUrl(String filename, int length, String altText) {
        var answer = gateway.call("files.getUploadURLExternal", () -> client.filesGetUploadURLExternal(r -> r
                .filename(filename).length(length).altTxt(altText)));
        return new Upload(answer.getUploadUrl(), answer.getFileId());
    }

    /** POSTs the bytes to the upload URL (no token: the URL is the permission). */
    public void send(Upload upload, byte[] bytes) {
        String method = "files.upload_url";
        HttpRequest request = HttpRequest.newBuilder(URI.create(upload.url())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            metrics.call(method, "timeout");
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "timeout: " + e.getMessage(), null);
        } catch (IOException e) {
            metrics.call(method, "io_error");
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "interrupted", null);
        }
        if (status / 100 == 2) {
            metrics.call(method, "ok");
            return;
        }
        metrics.call(method, "http_" + status);
        if (status == 429) {
            throw new SlackCallException(method, SlackCallException.Kind.RATE_LIMITED, "429 rate limited", Duration.ofSeconds(1));
        }
        throw new SlackCallException(method, status >= 500 ? SlackCallException.Kind.TRANSIENT : SlackCallException.Kind.PERMANENT,
                "HTTP " + status, null);
    }

    /** Shares the uploaded file into the thread under {@code threadTs}, with {@code comment} (mrkdwn) beside it. */
    public void complete(Upload upload, String title, String channel, String threadTs, String comment) {
        gateway.call("files.completeUploadExternal", () -> client.filesCompleteUploadExternal(r -> r
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(upload.fileId()).title(title).build()))
                .channelId(channel)
                .threadTs(threadTs)
                .initialComment(comment)));
    }

    /** The ts of the thread message that shares {@code fileId}, if Slack shows one (after a crash or a timeout). */
    public Optional<String> findShared(String channel, String threadTs, String fileId) {
        List<com.slack.api.model.Message> messages = gateway.call("conversations.replies", () -> client.conversationsReplies(r -> r
                .channel(channel).ts(threadTs).limit(1000))).getMessages();
        if (messages == null) {
            return Optional.empty();
        }
        return messages.stream()
                .filter(message -> message.getFiles() != null && message.getFiles().stream().map(File::getId).anyMatch(fileId::equals))
                .findFirst()
                .map(com.slack.api.model.Message::getTs);
    }

    public void join(String channel) {
        gateway.join(channel);
    }
}
