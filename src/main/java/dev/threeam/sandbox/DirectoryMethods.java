package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code auth.test}, {@code users.info}, {@code users.list}, {@code usergroups.list}, {@code usergroups.users.list}. */
final class DirectoryMethods {

    private final SandboxWorkspace workspace;

    DirectoryMethods(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("auth.test", request -> authTest());
        methods.put("users.info", this::userInfo);
        methods.put("users.list", request -> usersList());
        methods.put("usergroups.list", this::groupsList);
        methods.put("usergroups.users.list", this::groupMembers);
    }

    private ObjectNode authTest() {
        return SlackJson.ok()
                .put("url", "https://" + SandboxWorkspace.TEAM_DOMAIN + ".slack.com/")
                .put("team", "3am sandbox")
                .put("user", "3am")
                .put("team_id", SandboxWorkspace.TEAM_ID)
                .put("user_id", SandboxWorkspace.BOT_USER_ID)
                .put("bot_id", SandboxWorkspace.BOT_ID)
                .put("app_id", SandboxWorkspace.APP_ID)
                .put("is_enterprise_install", false);
    }

    private ObjectNode userInfo(ApiRequest request) {
        SandboxUser user = workspace.user(request.required("user", "user_not_found"))
                .orElseThrow(() -> new SlackApiError("user_not_found"));
        return SlackJson.ok().set("user", SlackJson.user(user));
    }

    private ObjectNode usersList() {
        ArrayNode members = SlackJson.array();
        workspace.users().forEach(user -> members.add(SlackJson.user(user)));
        ObjectNode answer = SlackJson.ok();
        answer.set("members", members);
        answer.putObject("response_metadata").put("next_cursor", "");
        return answer;
    }

    /** Every user group, as Slack lists them; {@code include_users} adds the members, {@code include_count} their count. */
    private ObjectNode groupsList(ApiRequest request) {
        ArrayNode groups = SlackJson.array();
        workspace.userGroups().forEach((id, members) -> groups.add(SlackJson.userGroup(id, members,
                request.flag("include_users"), request.flag("include_count"))));
        ObjectNode answer = SlackJson.ok();
        answer.set("usergroups", groups);
        return answer;
    }

    private ObjectNode groupMembers(ApiRequest request) {
        List<String> members = workspace.userGroups().get(request.required("usergroup", "no_such_subteam"));
        if (members == null) {
            throw new SlackApiError("no_such_subteam");
        }
        ObjectNode answer = SlackJson.ok();
        ArrayNode users = answer.putArray("users");
        members.forEach(users::add);
        return answer;
    }
}
