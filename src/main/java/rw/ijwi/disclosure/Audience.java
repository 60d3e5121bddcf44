package rw.ijwi.disclosure;

import java.util.Set;

import rw.ijwi.auth.User;

/**
 * Who will see a set of figures, as far as disclosure cares: everything exactly (admins), their own districts
 * exactly and the rest as released (coordinators), or only releases (viewers, and whatever leaves the system).
 */
public record Audience(boolean exactEverywhere, Set<String> ownDistricts) {

    public Audience {
        ownDistricts = Set.copyOf(ownDistricts);
    }

    /** Releases only: viewers, and anything printed or exported. */
    public static final Audience OUTSIDE = new Audience(false, Set.of());

    public static Audience of(User user) {
        return switch (user.role()) {
            case ADMIN -> new Audience(true, Set.of());
            case COORDINATOR -> new Audience(false, user.districts());
            case VIEWER -> OUTSIDE;
        };
    }

    /** Whether every figure about these districts (empty: the whole country) is exact for this audience. */
    public boolean exactFor(Set<String> districts) {
        return exactEverywhere || (!districts.isEmpty() && ownDistricts.containsAll(districts));
    }
}
