package rw.ijwi.commitments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import rw.ijwi.geo.Geography;

/** A commitment as a form or the API gives it, unchecked; {@link #check} names every bad field in one line each. */
public record CommitmentInput(String district, String sector, String actor, String promise, String service,
        String gap, String dueDate, String status) {

    public static final List<String> STATUSES = List.of("pledged", "in_progress", "done", "dropped");
    static final int ACTOR_MAX = 120;
    static final int PROMISE_MAX = 500;

    /** A checked commitment, with the database ids of its district and sector, ready to store. */
    public record Valid(String district, int districtId, Integer sectorId, String actor, String promise,
            String service, String gap, LocalDate dueDate, String status) {
    }

    /** The outcome of a check: the valid commitment, or one reason per bad field. */
    public record Checked(Optional<Valid> valid, List<String> errors) {
    }

    /** Checks every field against the geography and the service and gap codes. */
    public Checked check(Geography geography, List<String> services, List<String> gaps) {
        List<String> errors = new ArrayList<>();
        Optional<Geography.District> d = geography.district(blankToNull(district));
        if (blankToNull(district) == null) {
            errors.add("district: required");
        } else if (d.isEmpty()) {
            errors.add("district: unknown district '" + quote(district) + "'");
        }
        Integer sectorId = null;
        if (blankToNull(sector) != null && d.isPresent()) {
            Optional<Geography.Sector> s = geography.sector(d.get(), sector);
            if (s.isEmpty()) {
                errors.add("sector: '" + quote(sector) + "' is not a sector of " + d.get().name());
            } else {
                sectorId = s.get().id();
            }
        }
        String cleanActor = text("actor", actor, ACTOR_MAX, errors);
        String cleanPromise = text("promise", promise, PROMISE_MAX, errors);
        String cleanService = code("service", service, services, errors);
        String cleanGap = code("gap", gap, gaps, errors);
        LocalDate due = null;
        if (blankToNull(dueDate) != null) {
            try {
                due = LocalDate.parse(dueDate.strip());
            } catch (DateTimeParseException e) {
                errors.add("dueDate: '" + quote(dueDate) + "' is not a date like 2027-03-31");
            }
        }
        String cleanStatus = blankToNull(status) == null ? "pledged" : status.strip();
        if (!STATUSES.contains(cleanStatus)) {
            errors.add("status: unknown status '" + quote(cleanStatus) + "' (use " + String.join(", ", STATUSES) + ")");
        }
        if (!errors.isEmpty()) {
            return new Checked(Optional.empty(), List.copyOf(errors));
        }
        return new Checked(Optional.of(new Valid(d.get().name(), d.get().id(), sectorId, cleanActor, cleanPromise,
                cleanService, cleanGap, due, cleanStatus)), List.of());
    }

    private static String text(String field, String value, int max, List<String> errors) {
        String clean = blankToNull(value);
        if (clean == null) {
            errors.add(field + ": required");
            return null;
        }
        if (clean.length() > max) {
            errors.add(field + ": " + clean.length() + " characters, at most " + max);
        }
        return clean;
    }

    private static String code(String field, String value, List<String> known, List<String> errors) {
        String clean = blankToNull(value);
        if (clean != null && !known.contains(clean)) {
            errors.add(field + ": unknown " + field + " '" + quote(clean) + "' (use " + String.join(", ", known) + ")");
        }
        return clean;
    }

    /** The offending input as an error quotes it: on one line and short. */
    static String quote(String value) {
        String line = value.strip().replaceAll("\\s+", " ");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
