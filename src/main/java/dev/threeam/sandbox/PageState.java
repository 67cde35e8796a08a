package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the page shows to one person ({@code GET /sandbox/state?as=U…}): channels with messages and threads, that
 * person's ephemeral messages, open modals and Home tab, and who is who (personas, names, user groups).
 */
final class PageState {

    /** The app's message shortcuts as {@code manifest.yml} declares them (callback id, name): each message's menu. */
    static final java.util.Map<String, String> MESSAGE_SHORTCUTS = java.util.Map.of("declare_incident", "Declare AI incident");

    private final SandboxWorkspace workspace;

    PageState(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    ObjectNode of(SandboxUser me) {
        ObjectNode state = SlackJson.object();
        state.set("me", person(me));
        ArrayNode personas = state.putArray("personas");
        workspace.users().forEach(user -> personas.add(person(user)));
        state.put("bot_user_id", SandboxWorkspace.BOT_USER_ID);
        ArrayNode shortcuts = state.putArray("shortcuts");
        MESSAGE_SHORTCUTS.forEach((callbackId, name) -> shortcuts.addObject().put("callback_id", callbackId).put("name", name));
        ObjectNode names = state.putObject("names");
        names.put(SandboxWorkspace.BOT_USER_ID, "3am");
        workspace.users().forEach(user -> names.put(user.id(), user.name()));
        ObjectNode groups = state.putObject("usergroups");
        workspace.userGroups().forEach((group, members) -> members.forEach(groups.putArray(group)::add));
        ArrayNode channels = state.putArray("channels");
        workspace.channels().forEach(channel -> channels.add(channel(channel)));
        ArrayNode canvases = state.putArray("canvases");
        workspace.canvases().all().forEach(canvas -> {
            ObjectNode json = canvases.addObject().put("id", canvas.id()).put("title", canvas.title()).put("markdown", canvas.markdown())
                    .put("url", canvas.url());
            canvas.channels().forEach(json.putArray("channels")::add);
        });
        ArrayNode ephemerals = state.putArray("ephemerals");
        workspace.ephemerals(me.id()).forEach(ephemeral -> ephemerals.add(SlackJson.ephemeral(ephemeral)));
        ArrayNode modals = state.putArray("modals");
        workspace.views().modals(me.id()).forEach(modal -> modals.add(modal.view()));
        workspace.views().home(me.id()).ifPresentOrElse(
                home -> state.set("home", home.view()), () -> state.putNull("home"));
        return state;
    }

    private ObjectNode channel(SandboxChannel channel) {
        ObjectNode json = SlackJson.object().put("id", channel.id()).put("name", channel.name());
        ArrayNode messages = json.putArray("messages");
        for (SandboxMessage root : workspace.topLevel(channel.id())) {
            List<SandboxMessage> replies = workspace.replies(channel.id(), root.ts());
            ObjectNode message = SlackJson.message(root, replies, true);
            ArrayNode thread = message.putArray("replies");
            replies.forEach(reply -> thread.add(SlackJson.message(reply, List.of(), true)));
            messages.add(message);
        }
        return json;
    }

    private static ObjectNode person(SandboxUser user) {
        return SlackJson.object().put("id", user.id()).put("name", user.name()).put("role", user.role());
    }
}
