package rw.ijwi.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Period;
import rw.ijwi.feedback.Provenance;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * Free-text review: a coordinator reads the comments of their districts (an admin of all), 50 to a page, codes them
 * one at a time or many at once, approves consented ones as quotable, redacts. Every view of free text is audited
 * (who, page, district; never the text). A comment of another district answers exactly as one that is not there.
 */
public final class ReviewPage {

    static final int PAGE_SIZE = 50;
    /** At most this many comments coded by one submit: a page, with room to spare. */
    static final int MAX_CHOSEN = 200;

    private final ReviewDao dao;
    private final Provenance provenance;
    private final Geography geography;
    private final AuditLog audit;
    private final Templates templates;
    private final Clock clock;
    private final List<String> codes;

    public ReviewPage(ReviewDao dao, Provenance provenance, Geography geography, AuditLog audit, Templates templates,
            Clock clock) {
        this.dao = dao;
        this.provenance = provenance;
        this.geography = geography;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
        this.codes = templates.messages().codes();
    }

    /** The list's filters as the query and the forms carry them. */
    record Filters(String district, String reviewed, int page) {

        Boolean reviewedFlag() {
            return switch (reviewed) {
                case "yes" -> Boolean.TRUE;
                case "all" -> null;
                default -> Boolean.FALSE;
            };
        }

        String query(int page) {
            return "/review?district=" + URLEncoder.encode(district, StandardCharsets.UTF_8) + "&reviewed=" + reviewed
                    + (page > 1 ? "&page=" + page : "");
        }
    }

    /** GET /review?district=&reviewed=no|yes|all&page=N[&saved=N&code=C | &redacted=1] */
    public void list(Context ctx) {
        User user = Templates.user(ctx);
        List<String> mine = mine(user);
        Filters filters = filters(user, ctx.queryParam("district"), ctx.queryParam("reviewed"), ctx.queryParam("page"));
        List<String> shown = filters.district().isEmpty() ? mine : List.of(filters.district());
        long total = dao.count(shown, filters.reviewedFlag());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (filters.page() > pages) {
            // Coding takes comments off the "not reviewed" list, so the page a save returns to may be gone.
            filters = new Filters(filters.district(), filters.reviewed(), pages);
        }
        List<Comment> comments = dao.comments(shown, filters.reviewedFlag(), (long) (filters.page() - 1) * PAGE_SIZE,
                PAGE_SIZE);
        audit.record(user.username(), "free_text_viewed", "page=/review district="
                + (filters.district().isEmpty() ? (user.isAdmin() ? "all" : "own:" + String.join(",", mine))
                        : filters.district())
                + " reviewed=" + filters.reviewed() + (filters.page() == 1 ? "" : " page=" + filters.page())
                + " shown=" + comments.size(), ctx.ip());
        LocalDate today = Aggregates.today(clock);
        Provenance.Notes notes = provenance.notes(new Period(today.withDayOfMonth(1), today), shown);
        Chrome chrome = templates.chrome(ctx, "review_title", "review");
        templates.render(ctx, "review.jte", chrome, new View(comments, mine, filters.district(), filters.reviewed(),
                codes, filters.page(), pages, total, filters.page() > 1 ? filters.query(filters.page() - 1) : "",
                filters.page() < pages ? filters.query(filters.page() + 1) : "", saved(ctx, chrome), notes));
    }

    /** POST /review/{id}: codes and the quotable flag. */
    public void review(Context ctx) {
        User user = Templates.user(ctx);
        Comment comment = covered(ctx, user);
        List<String> chosen = new ArrayList<>();
        for (String code : ctx.formParams("codes")) {
            if (!codes.contains(code)) {
                throw new BadRequestResponse("unknown code '" + code.replaceAll("\\s+", " ") + "'");
            }
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        boolean quotable = ctx.formParam("quotable") != null;
        if (quotable && !comment.quoteConsent()) {
            throw new BadRequestResponse("this person did not agree to be quoted");
        }
        if (comment.redacted() || dao.review(comment.id(), chosen.toArray(String[]::new), quotable, user.username()) != 1) {
            throw new BadRequestResponse("this comment was redacted");
        }
        audit.record(user.username(), "comment_reviewed", "id=" + comment.id() + " district=" + comment.district()
                + " codes=" + String.join(",", chosen) + " quotable=" + quotable, ctx.ip());
        back(ctx, user, "&saved=1");
    }

    /**
     * POST /review (ids = the chosen comments, code = one category): adds the code to every chosen comment. All or
     * nothing: a chosen comment that is not there, or not the user's, refuses the whole form with the same 404.
     */
    public void reviewMany(Context ctx) {
        User user = Templates.user(ctx);
        String code = ctx.formParam("code");
        if (code == null || code.isBlank()) {
            throw new BadRequestResponse("code: choose a category");
        }
        if (!codes.contains(code)) {
            throw new BadRequestResponse("unknown code '" + code.replaceAll("\\s+", " ") + "'");
        }
        List<String> given = ctx.formParams("ids");
        if (given.isEmpty()) {
            throw new BadRequestResponse("ids: choose at least one comment");
        }
        if (given.size() > MAX_CHOSEN) {
            throw new BadRequestResponse("ids: at most " + MAX_CHOSEN + " comments at once");
        }
        long[] ids = given.stream().distinct().mapToLong(ReviewPage::id).toArray();
        List<Comment> found = dao.findAll(ids);
        if (found.size() != ids.length || !found.stream().allMatch(c -> user.covers(c.district()))) {
            throw new NotFoundResponse("no such comment among those chosen");
        }
        long[] codable = found.stream().filter(c -> !c.redacted()).mapToLong(Comment::id).toArray();
        int saved = codable.length == 0 ? 0 : dao.addCode(codable, code, user.username());
        for (Comment c : found) {
            if (!c.redacted()) {
                audit.record(user.username(), "comment_reviewed", "id=" + c.id() + " district=" + c.district()
                        + " added_code=" + code, ctx.ip());
            }
        }
        back(ctx, user, "&saved=" + saved + "&code=" + code);
    }

    /** POST /review/{id}/redact: the text goes for good, the report stays counted. */
    public void redact(Context ctx) {
        User user = Templates.user(ctx);
        Comment comment = covered(ctx, user);
        dao.redact(comment.id(), user.username());
        audit.record(user.username(), "comment_redacted", "id=" + comment.id() + " district=" + comment.district(),
                ctx.ip());
        back(ctx, user, "&redacted=1");
    }

    /** The comment of the path, when the user covers its district; otherwise the same 404 as a missing one. */
    private Comment covered(Context ctx, User user) {
        long id = id(ctx.pathParam("id"));
        return dao.find(id).filter(c -> user.covers(c.district()))
                .orElseThrow(() -> new NotFoundResponse("no comment " + id));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a comment id: '" + text.replaceAll("\\s+", " ") + "'");
        }
    }

    private List<String> mine(User user) {
        return geography.districts().stream().map(Geography.District::name).filter(user::covers).toList();
    }

    private Filters filters(User user, String district, String reviewed, String page) {
        String chosen = "";
        if (district != null && !district.isBlank()) {
            Geography.District d = geography.district(district)
                    .orElseThrow(() -> new BadRequestResponse("unknown district"));
            if (!user.covers(d.name())) {
                throw new ForbiddenResponse("you do not coordinate " + d.name());
            }
            chosen = d.name();
        }
        String state = reviewed == null || !List.of("yes", "all").contains(reviewed) ? "no" : reviewed;
        int number = 1;
        if (page != null && !page.isBlank()) {
            try {
                number = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("page: not a page number");
            }
            if (number < 1) {
                throw new BadRequestResponse("page: pages start at 1");
            }
        }
        return new Filters(chosen, state, number);
    }

    /** The confirmation a save redirected with, in the page's language; empty when none. */
    private String saved(Context ctx, Chrome chrome) {
        if (ctx.queryParam("redacted") != null) {
            return chrome.t("review_saved_redacted");
        }
        String saved = ctx.queryParam("saved");
        if (saved == null) {
            return "";
        }
        int n;
        try {
            n = Integer.parseInt(saved);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("saved: not a number");
        }
        String code = ctx.queryParam("code");
        if (code == null) {
            return chrome.t("review_saved_one");
        }
        if (!codes.contains(code)) {
            throw new BadRequestResponse("unknown code '" + code.replaceAll("\\s+", " ") + "'");
        }
        return chrome.t("review_saved_many").replace("{value}", String.valueOf(n))
                .replace("{code}", chrome.t("code_" + code));
    }

    /** Back to the page of the list the form came from (only our own filters are carried over), with what was saved. */
    private void back(Context ctx, User user, String flash) {
        String district = geography.district(ctx.formParam("district")).map(Geography.District::name)
                .filter(user::covers).orElse("");
        String reviewed = ctx.formParam("reviewed");
        if (reviewed == null || !List.of("yes", "no", "all").contains(reviewed)) {
            reviewed = "no";
        }
        int page;
        try {
            page = Math.max(1, Integer.parseInt(String.valueOf(ctx.formParam("page")).strip()));
        } catch (NumberFormatException e) {
            page = 1;
        }
        ctx.redirect(new Filters(district, reviewed, page).query(page) + flash, HttpStatus.SEE_OTHER);
    }

    /**
     * What review.jte shows: a page of comments with the filters that chose them (district "" for all of the
     * user's), the codes, page {@code page} of {@code pages}, the newer and older pages' queries and what was just
     * saved ("" when none), and the provenance notes.
     */
    public record View(List<Comment> comments, List<String> districts, String district, String reviewed,
            List<String> codes, int page, int pages, long total, String newer, String older, String saved,
            Provenance.Notes notes) {
    }
}
