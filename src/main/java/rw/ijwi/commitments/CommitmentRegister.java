package rw.ijwi.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.geo.Geography;

/**
 * The rules of changing the register, shared by the pages and the API: checked fields, a coordinator only in
 * their own districts, an audit line for every change. Knows nothing of HTTP forms or JSON.
 */
public final class CommitmentRegister {

    /** Thrown with one reason per bad field. */
    public static final class Invalid extends RuntimeException {
        private final List<String> errors;

        Invalid(List<String> errors) {
            super(String.join("\n", errors));
            this.errors = errors;
        }

        public List<String> errors() {
            return errors;
        }
    }

    private final CommitmentDao dao;
    private final Geography geography;
    private final AuditLog audit;
    private final List<String> services;
    private final List<String> gaps;

    public CommitmentRegister(CommitmentDao dao, Geography geography, AuditLog audit) {
        this.dao = dao;
        this.geography = geography;
        this.audit = audit;
        this.services = dao.services();
        this.gaps = dao.gaps();
    }

    public List<String> services() {
        return services;
    }

    public List<String> gaps() {
        return gaps;
    }

    public Geography geography() {
        return geography;
    }

    public List<Commitment> list(String district, String status) {
        return dao.list(district, status, 500);
    }

    public Commitment get(long id) {
        return dao.find(id).orElseThrow(() -> new NotFoundResponse("no commitment " + id));
    }

    public List<CommitmentDao.Note> notes(long id) {
        return dao.notes(id);
    }

    /** Stores a new commitment and returns it as stored. */
    public Commitment create(User user, CommitmentInput input, String address) {
        CommitmentInput.Valid valid = checked(input);
        mayChange(user, valid.district());
        long id = dao.insert(valid);
        audit.record(user.username(), "commitment_created", "id=" + id + " district=" + valid.district(), address);
        return get(id);
    }

    /** Changes a commitment; a coordinator must cover both its old and its new district. */
    public Commitment update(User user, long id, CommitmentInput input, String address) {
        Commitment before = get(id);
        mayChange(user, before.district());
        CommitmentInput.Valid valid = checked(input);
        mayChange(user, valid.district());
        dao.update(id, valid);
        audit.record(user.username(), "commitment_updated", "id=" + id + " district=" + valid.district()
                + " status=" + valid.status(), address);
        return get(id);
    }

    /** Adds a dated note (today when no date is given). */
    public void addNote(User user, long id, String notedOn, String note, String address) {
        Commitment commitment = get(id);
        mayChange(user, commitment.district());
        String text = CommitmentInput.blankToNull(note);
        LocalDate on = LocalDate.now();
        if (text == null || text.length() > 1000) {
            throw new Invalid(List.of("note: between 1 and 1000 characters"));
        }
        if (CommitmentInput.blankToNull(notedOn) != null) {
            try {
                on = LocalDate.parse(notedOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new Invalid(List.of("notedOn: '" + CommitmentInput.quote(notedOn) + "' is not a date like 2027-03-31"));
            }
        }
        dao.addNote(id, on, text, user.username());
        audit.record(user.username(), "commitment_note_added", "id=" + id + " district=" + commitment.district(),
                address);
    }

    public boolean mayEdit(User user, Commitment commitment) {
        return user.covers(commitment.district());
    }

    private CommitmentInput.Valid checked(CommitmentInput input) {
        CommitmentInput.Checked checked = input.check(geography, services, gaps);
        Optional<CommitmentInput.Valid> valid = checked.valid();
        if (valid.isEmpty()) {
            throw new Invalid(checked.errors());
        }
        return valid.get();
    }

    private static void mayChange(User user, String district) {
        if (!user.covers(district)) {
            throw new ForbiddenResponse("you do not coordinate " + district);
        }
    }
}
