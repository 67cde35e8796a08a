package dev.threeam.action;

import dev.threeam.common.ThreeAmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a Slack user may press an action. The allowed list holds user ids ({@code U…}, {@code W…}) and
 * user group ids ({@code S…}); anything else is ignored, so a typo in a runbook never lets everyone in.
 */
public final class Authorization {

    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]+");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]+");

    private final UserGroupDirectory directory;

    public Authorization(UserGroupDirectory directory) {
        this.directory = directory;
    }

    /**
     * True when {@code userId} is listed or belongs to a listed group. An empty list allows nobody. When a group
     * could not be looked up and no other entry allows the user, throws {@link ThreeAmException} naming the group,
     * so the presser hears "could not check" rather than "not allowed".
     */
    public boolean allowed(String userId, List<String> allowedIds) {
        if (userId == null || allowedIds == null) {
            return false;
        }
        if (allowedIds.stream().anyMatch(id -> id != null && USER.matcher(id).matches() && id.equals(userId))) {
            return true;
        }
        ThreeAmException lookupFailure = null;
        for (String id : allowedIds) {
            if (id == null || !GROUP.matcher(id).matches()) {
                continue;
            }
            try {
                if (directory.members(id).contains(userId)) {
                    return true;
                }
            } catch (ThreeAmException e) {
                lookupFailure = new ThreeAmException("could not check membership of user group " + id + ": "
                        + e.getMessage(), e);
            }
        }
        if (lookupFailure != null) {
            throw lookupFailure;
        }
        return false;
    }

    /**
     * Who may press, as Slack mrkdwn: {@code only <@U0PM1> or members of <!subteam^S0MLONCALL> may press this}.
     * Only well-formed ids are written, so the sentence can never mention {@code <!channel>}.
     */
    public String whoMay(List<String> allowedIds) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String id : allowedIds == null ? List.<String>of() : allowedIds) {
            if (id == null) {
                continue;
            }
            if (USER.matcher(id).matches()) {
                users.add("<@" + id + ">");
            } else if (GROUP.matcher(id).matches()) {
                groups.add("<!subteam^" + id + ">");
            }
        }
        if (users.isEmpty() && groups.isEmpty()) {
            return "nobody may press this: no user or user group is allowed";
        }
        List<String> parts = new ArrayList<>(users);
        if (!groups.isEmpty()) {
            parts.add("members of " + joinWithOr(groups));
        }
        return "only " + joinWithOr(parts) + " may press this";
    }

    /** {@code a}, {@code a or b}, {@code a, b or c} */
    private static String joinWithOr(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
