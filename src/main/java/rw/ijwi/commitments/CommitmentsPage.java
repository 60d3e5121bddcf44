package rw.ijwi.commitments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.auth.Role;
import rw.ijwi.auth.User;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/** The commitments register in the dashboard: list and filter, create, edit, add dated notes. */
public final class CommitmentsPage {

    private final CommitmentRegister register;
    private final Templates templates;

    public CommitmentsPage(CommitmentRegister register, Templates templates) {
        this.register = register;
        this.templates = templates;
    }

    /** GET /commitments?district=&status= */
    public void list(Context ctx) {
        String district = register.geography().district(ctx.queryParam("district")).map(Geography.District::name)
                .orElse(null);
        String asked = ctx.queryParam("status");
        String status = asked != null && CommitmentInput.STATUSES.contains(asked) ? asked : null;
        Chrome chrome = templates.chrome(ctx, "commitments_title", "commitments");
        User user = Templates.user(ctx);
        templates.render(ctx, "commitments.jte", chrome, new Listing(register.list(district, status),
                register.geography().districts().stream().map(Geography.District::name).toList(),
                district == null ? "" : district, status == null ? "" : status, CommitmentInput.STATUSES,
                user.role() != Role.VIEWER));
    }

    /** GET /commitments/new */
    public void newForm(Context ctx) {
        User user = Templates.user(ctx);
        String district = user.isAdmin() ? "" : user.districts().stream().sorted().findFirst().orElse("");
        showForm(ctx, HttpStatus.OK, new CommitmentInput(district, null, null, null, null, null, null, "pledged"),
                List.of());
    }

    /** POST /commitments */
    public void create(Context ctx) {
        CommitmentInput input = fromForm(ctx);
        try {
            Commitment stored = register.create(Templates.user(ctx), input, ctx.ip());
            ctx.redirect("/commitments/" + stored.id(), HttpStatus.SEE_OTHER);
        } catch (CommitmentRegister.Invalid e) {
            showForm(ctx, HttpStatus.BAD_REQUEST, input, e.errors());
        }
    }

    /** GET /commitments/{id}: the commitment, its notes, and the edit form for those who may edit it. */
    public void show(Context ctx) {
        Commitment commitment = register.get(id(ctx));
        showDetail(ctx, HttpStatus.OK, commitment, inputOf(commitment), List.of());
    }

    /** POST /commitments/{id} */
    public void update(Context ctx) {
        long id = id(ctx);
        CommitmentInput input = fromForm(ctx);
        try {
            register.update(Templates.user(ctx), id, input, ctx.ip());
            ctx.redirect("/commitments/" + id, HttpStatus.SEE_OTHER);
        } catch (CommitmentRegister.Invalid e) {
            showDetail(ctx, HttpStatus.BAD_REQUEST, register.get(id), input, e.errors());
        }
    }

    /** POST /commitments/{id}/notes */
    public void addNote(Context ctx) {
        long id = id(ctx);
        try {
            register.addNote(Templates.user(ctx), id, ctx.formParam("notedOn"), ctx.formParam("note"), ctx.ip());
            ctx.redirect("/commitments/" + id + "#notes", HttpStatus.SEE_OTHER);
        } catch (CommitmentRegister.Invalid e) {
            Commitment commitment = register.get(id);
            showDetail(ctx, HttpStatus.BAD_REQUEST, commitment, inputOf(commitment), e.errors());
        }
    }

    private void showForm(Context ctx, HttpStatus status, CommitmentInput values, List<String> errors) {
        Chrome chrome = templates.chrome(ctx, "commitment_new", "commitments");
        ctx.status(status);
        templates.render(ctx, "commitment_new.jte", chrome, new Form(values, errors, choices(Templates.user(ctx))));
    }

    private void showDetail(Context ctx, HttpStatus status, Commitment commitment, CommitmentInput values,
            List<String> errors) {
        Chrome chrome = templates.chrome(ctx, "commitment_title", "commitments");
        User user = Templates.user(ctx);
        ctx.status(status);
        templates.render(ctx, "commitment.jte", chrome, new Detail(commitment, values, errors,
                register.notes(commitment.id()), register.mayEdit(user, commitment), choices(user)));
    }

    /** What the form's selects offer: the user's districts with their sectors, services, gaps, statuses. */
    private CommitmentChoices choices(User user) {
        Geography geography = register.geography();
        Map<String, List<String>> sectors = new LinkedHashMap<>();
        for (Geography.District d : geography.districts()) {
            if (user.covers(d.name())) {
                sectors.put(d.name(), geography.sectors(d).stream().map(Geography.Sector::name).toList());
            }
        }
        return new CommitmentChoices(sectors, register.services(), register.gaps(), CommitmentInput.STATUSES);
    }

    private static CommitmentInput fromForm(Context ctx) {
        return new CommitmentInput(ctx.formParam("district"), ctx.formParam("sector"), ctx.formParam("actor"),
                ctx.formParam("promise"), ctx.formParam("service"), ctx.formParam("gap"), ctx.formParam("dueDate"),
                ctx.formParam("status"));
    }

    private static CommitmentInput inputOf(Commitment c) {
        return new CommitmentInput(c.district(), c.sector(), c.actor(), c.promise(), c.service(), c.gap(),
                c.dueDate() == null ? null : c.dueDate().toString(), c.status());
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a commitment id");
        }
    }

    /** What commitments.jte shows: the register as filtered ("" for no district or status filter). */
    public record Listing(List<Commitment> commitments, List<String> districts, String district, String status,
            List<String> statuses, boolean canCreate) {
    }

    /** What commitment_new.jte shows: the form's values, what was wrong with them, and what its selects offer. */
    public record Form(CommitmentInput values, List<String> errors, CommitmentChoices choices) {
    }

    /** What commitment.jte shows: one commitment, its notes, and the edit form for those who may edit it. */
    public record Detail(Commitment commitment, CommitmentInput values, List<String> errors,
            List<CommitmentDao.Note> notes, boolean canEdit, CommitmentChoices choices) {
    }
}
