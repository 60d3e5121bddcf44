package rw.ijwi.auth;

import java.util.Set;

/** A signed-in dashboard or API user, with the districts a coordinator is responsible for. */
public record User(long id, String username, Role role, Set<String> districts) {

    public User {
        districts = Set.copyOf(districts);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this user may see exact counts and free text of the district. */
    public boolean covers(String district) {
        return role == Role.ADMIN || (role == Role.COORDINATOR && district != null && districts.contains(district));
    }
}
