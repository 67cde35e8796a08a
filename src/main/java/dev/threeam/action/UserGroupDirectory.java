package dev.threeam.action;

import java.util.Set;

/**
 * Who belongs to a Slack user group ({@code S…}). The slack package implements it over
 * {@code usergroups.users.list}; wrap it in {@link CachedUserGroupDirectory}, that method is Tier 2 (20/min).
 */
public interface UserGroupDirectory {

    /** The user ids in the group; throws {@link dev.threeam.common.ThreeAmException} when the lookup fails. */
    Set<String> members(String groupId);
}
