package rw.ijwi.auth;

import java.util.Locale;
import java.util.Optional;

import io.javalin.security.RouteRole;

/** What a dashboard user may do: admin everything; coordinator their districts; viewer suppressed aggregates. */
public enum Role implements RouteRole {
    ADMIN, COORDINATOR, VIEWER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
