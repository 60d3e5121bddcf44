package rw.ijwi.commitments;

import java.time.LocalDate;

/** A promise an official made at a district dialogue, and where it stands. */
public record Commitment(long id, String district, String sector, String actor, String promise, String service,
        String gap, LocalDate dueDate, String status) {
}
