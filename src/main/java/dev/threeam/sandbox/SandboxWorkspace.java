package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local Slack workspace of sandbox mode, in memory and thread-safe: channels ({@code #incidents} always),
 * the bot's messages and threads, ephemeral messages, modals and Home tabs ({@link #views()}), personas, user
 * groups, and every Web API call the bot made.
 */
public final class SandboxWorkspace {

    public static final String TEAM_ID = "T0SANDBOX";
    public static final String TEAM_DOMAIN = "sandbox";
    public static final String BOT_USER_ID = "U0THREEAMBOT";
    public static final String BOT_ID = "B0THREEAM";
    public static final String APP_ID = "A0THREEAM";
    public static final String INCIDENTS_CHANNEL = "C0INCIDENTS";

    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final SandboxUser BOT = new SandboxUser(BOT_USER_ID, "3am", "the bot");

    private final Object lock = new Object();
    private final SlackTimestamps timestamps;
    private final Map<String, SandboxUser> users = new LinkedHashMap<>();
    private final Map<String, List<String>> userGroups;
    private final Map<String, SandboxChannel> channels = new LinkedHashMap<>();
    private final List<SandboxMessage> messages = new ArrayList<>();
    private final List<SandboxEphemeral> ephemerals = new ArrayList<>();
    private final List<SandboxCall> calls = new ArrayList<>();
    private final SandboxViews views;
    private final SandboxFiles files = new SandboxFiles();
    private final SandboxCanvases canvases = new SandboxCanvases();

    public SandboxWorkspace(Clock clock, List<SandboxUser> personas, Map<String, List<String>> userGroups) {
        this.timestamps = new SlackTimestamps(clock);
        this.views = new SandboxViews(clock);
        personas.forEach(user -> users.put(user.id(), user));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        userGroups.forEach((group, members) -> groups.put(group, List.copyOf(members)));
        this.userGroups = Collections.unmodifiableMap(groups);
        channels.put(INCIDENTS_CHANNEL, new SandboxChannel(INCIDENTS_CHANNEL, "incidents"));
    }

    /** Files uploaded by the bot ({@code files.getUploadURLExternal}), and their bytes. */
    public SandboxFiles files() {
        return files;
    }

    /** Canvases the bot created ({@code canvases.create}) and where they are shared. */
    public SandboxCanvases canvases() {
        return canvases;
    }

    /** Modals and Home tabs of every user. */
    public SandboxViews views() {
        return views;
    }

    // ---- people

    /** The personas, in the order given (the bot is not one of them). */
    public List<SandboxUser> users() {
        return List.copyOf(users.values());
    }

    /** A persona or the bot itself. */
    public Optional<SandboxUser> user(String id) {
        return BOT_USER_ID.equals(id) ? Optional.of(BOT) : Optional.ofNullable(users.get(id));
    }

    public Map<String, List<String>> userGroups() {
        return userGroups;
    }

    // ---- channels

    public List<SandboxChannel> channels() {
        synchronized (lock) {
            return List.copyOf(channels.values());
        }
    }

    /**
     * The channel with this id or name ({@code #incidents}); a well-formed unknown id ({@code C0AIOPS}) is created on
     * the fly and named after its id, a persona's user id means the direct-message channel with that person.
     */
    public SandboxChannel channel(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw new SlackApiError("channel_not_found");
        }
        synchronized (lock) {
            SandboxChannel known = channels.get(idOrName);
            if (known != null) {
                return known;
            }
            String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
            for (SandboxChannel channel : channels.values()) {
                if (channel.name().equals(name)) {
                    return channel;
                }
            }
            if (users.containsKey(idOrName)) {
                return openDirectMessage(idOrName);
            }
            if (!CHANNEL_ID.matcher(idOrName).matches()) {
                throw new SlackApiError("channel_not_found");
            }
            SandboxChannel created = new SandboxChannel(idOrName, idOrName);
            channels.put(created.id(), created);
            return created;
        }
    }

    /**
     * Gives a channel a readable name ({@code support-chat} for a runbook's {@code C0SUPPORTCHAT}), so the page does
     * not show bare ids; a channel already named, or a name another channel has, is left as it is.
     */
    public void nameChannel(String id, String name) {
        synchronized (lock) {
            if (!CHANNEL_ID.matcher(id).matches() || channels.values().stream().anyMatch(channel -> channel.name().equals(name))) {
                return;
            }
            SandboxChannel known = channels.get(id);
            if (known == null || known.name().equals(known.id())) {
                channels.put(id, new SandboxChannel(id, name));
            }
        }
    }

    /** The direct-message channel between the bot and this persona, opened once. */
    public SandboxChannel openDirectMessage(String userId) {
        SandboxUser user = user(userId).orElseThrow(() -> new SlackApiError("user_not_found"));
        synchronized (lock) {
            return channels.computeIfAbsent("D" + userId.substring(1), id -> new SandboxChannel(id, "@" + user.name()));
        }
    }

    // ---- messages

    /** Posts as the bot; a {@code threadTs} naming a reply threads under that reply's root, as Slack does. */
    public SandboxMessage post(String channelId, String threadTs, String text, JsonNode blocks, JsonNode metadata) {
        synchronized (lock) {
            SandboxChannel channel = channel(channelId);
            String root = threadTs == null || threadTs.isBlank() ? null
                    : message(channel.id(), threadTs).map(SandboxMessage::threadRoot).orElse(threadTs);
            SandboxMessage message = new SandboxMessage(
                    channel.id(), timestamps.next(), root, BOT_USER_ID, text, blocks, metadata, false);
            messages.add(message);
            return message;
        }
    }

    /** A person's own message in a channel (what the page posts to try the message shortcut on). */
    public SandboxMessage postAs(String userId, String channelId, String text) {
        user(userId).orElseThrow(() -> new SlackApiError("user_not_found"));
        synchronized (lock) {
            SandboxChannel channel = channel(channelId);
            SandboxMessage message = new SandboxMessage(channel.id(), timestamps.next(), null, userId, text, null, null, false);
            messages.add(message);
            return message;
        }
    }

    /** Shares files as the bot ({@code files.completeUploadExternal}): a message carrying them, in a thread or not. */
    public SandboxMessage postFiles(String channelId, String threadTs, String text, JsonNode files) {
        synchronized (lock) {
            SandboxChannel channel = channel(channelId);
            String root = threadTs == null || threadTs.isBlank() ? null
                    : message(channel.id(), threadTs).map(SandboxMessage::threadRoot).orElseThrow(() -> new SlackApiError("invalid_thread_ts"));
            SandboxMessage message = new SandboxMessage(
                    channel.id(), timestamps.next(), root, BOT_USER_ID, text, null, null, false, files);
            messages.add(message);
            return message;
        }
    }

    public SandboxMessage update(String channelId, String ts, String text, JsonNode blocks) {
        return update(channelId, ts, text, blocks, null);
    }

    /** As Slack does: new {@code metadata} replaces the message's, none keeps it. */
    public SandboxMessage update(String channelId, String ts, String text, JsonNode blocks, JsonNode metadata) {
        synchronized (lock) {
            String channel = channel(channelId).id();
            for (int i = 0; i < messages.size(); i++) {
                SandboxMessage message = messages.get(i);
                if (message.channel().equals(channel) && message.ts().equals(ts)) {
                    SandboxMessage updated = message.updated(
                            text == null ? message.text() : text, blocks == null ? message.blocks() : blocks, metadata);
                    messages.set(i, updated);
                    return updated;
                }
            }
            throw new SlackApiError("message_not_found");
        }
    }

    public void delete(String channelId, String ts) {
        synchronized (lock) {
            String channel = channel(channelId).id();
            if (!messages.removeIf(message -> message.channel().equals(channel) && message.ts().equals(ts))) {
                throw new SlackApiError("message_not_found");
            }
        }
    }

    public Optional<SandboxMessage> message(String channelId, String ts) {
        synchronized (lock) {
            return messages.stream()
                    .filter(message -> message.channel().equals(channelId) && message.ts().equals(ts))
                    .findFirst();
        }
    }

    /** Every message of the channel, replies included, oldest first. */
    public List<SandboxMessage> messages(String channelId) {
        synchronized (lock) {
            return messages.stream().filter(message -> message.channel().equals(channelId)).toList();
        }
    }

    /** The channel's top-level messages, oldest first. */
    public List<SandboxMessage> topLevel(String channelId) {
        return messages(channelId).stream().filter(message -> !message.isReply()).toList();
    }

    /** The thread of {@code ts} (a root or any of its replies): root first, then replies oldest first. */
    public List<SandboxMessage> thread(String channelId, String ts) {
        synchronized (lock) {
            SandboxMessage anchor = message(channelId, ts).orElseThrow(() -> new SlackApiError("thread_not_found"));
            String root = anchor.threadRoot();
            return messages(channelId).stream()
                    .filter(message -> message.ts().equals(root) || root.equals(message.threadTs()))
                    .sorted(Comparator.comparing(SandboxMessage::ts, SlackTimestamps::compare))
                    .toList();
        }
    }

    /** Replies under a root, oldest first (empty for an unthreaded message). */
    public List<SandboxMessage> replies(String channelId, String rootTs) {
        return messages(channelId).stream()
                .filter(message -> message.isReply() && message.threadTs().equals(rootTs))
                .toList();
    }

    // ---- ephemeral messages

    public SandboxEphemeral postEphemeral(String channelId, String user, String text, JsonNode blocks, String threadTs) {
        if (user(user).isEmpty()) {
            throw new SlackApiError("user_not_found");
        }
        synchronized (lock) {
            SandboxChannel channel = channel(channelId);
            String thread = threadTs == null || threadTs.isBlank() ? null : threadTs;
            SandboxEphemeral ephemeral = new SandboxEphemeral(timestamps.next(), channel.id(), user, text, blocks, thread);
            ephemerals.add(ephemeral);
            return ephemeral;
        }
    }

    /** The ephemeral messages only this user sees, oldest first. */
    public List<SandboxEphemeral> ephemerals(String user) {
        synchronized (lock) {
            return ephemerals.stream().filter(ephemeral -> ephemeral.user().equals(user)).toList();
        }
    }

    public Optional<SandboxEphemeral> ephemeral(String ts) {
        synchronized (lock) {
            return ephemerals.stream().filter(ephemeral -> ephemeral.ts().equals(ts)).findFirst();
        }
    }

    /** Replaces an ephemeral's content (a {@code replace_original} answer); {@code null} text and blocks delete it. */
    public void replaceEphemeral(String ts, String text, JsonNode blocks) {
        synchronized (lock) {
            for (int i = 0; i < ephemerals.size(); i++) {
                if (ephemerals.get(i).ts().equals(ts)) {
                    if (text == null && blocks == null) {
                        ephemerals.remove(i);
                    } else {
                        ephemerals.set(i, ephemerals.get(i).replaced(text, blocks));
                    }
                    return;
                }
            }
        }
    }

    // ---- recorded calls

    public void record(SandboxCall call) {
        synchronized (lock) {
            calls.add(call);
        }
    }

    /** Every Web API call so far, in order. */
    public List<SandboxCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<SandboxCall> calls(String method) {
        return calls().stream().filter(call -> call.method().equals(method)).toList();
    }
}
