package dev.threeam.action;

import dev.threeam.common.Sentence;
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
     * Who may press: {@code only <U0PM1> or members of <S0MLONCALL> may press this}. Only well-formed ids are named,
     * so the sentence can never mention {@code @channel}.
     */
    public Sentence whoMay(List<String> allowedIds) {
        Sentence people = people(allowedIds);
        return people.parts().isEmpty() ? Sentence.of("nobody may press this: no user or user group is allowed")
                : Sentence.of("only ").then(people).then(" may press this");
    }

    /** The users and user groups among {@code ids}: {@code <U1>, <U2> or members of <S1>}; empty when none is well-formed. */
    public Sentence people(List<String> ids) {
        List<Sentence> users = new ArrayList<>();
        List<Sentence> groups = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id != null && USER.matcher(id).matches()) {
                users.add(Sentence.empty().person(id));
            } else if (id != null && GROUP.matcher(id).matches()) {
                groups.add(Sentence.empty().person(id));
            }
        }
        List<Sentence> parts = new ArrayList<>(users);
        if (!groups.isEmpty()) {
            parts.add(Sentence.of("members of ").then(joinWithOr(groups)));
        }
        return parts.isEmpty() ? Sentence.empty() : joinWithOr(parts);
    }

    /** {@code a}, {@code a or b}, {@code a, b or c} */
    private static Sentence joinWithOr(List<Sentence> items) {
        Sentence joined = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            joined = joined.then(i == items.size() - 1 ? " or " : ", ").then(items.get(i));
        }
        return joined;
    }
}
