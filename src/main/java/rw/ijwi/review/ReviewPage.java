package rw.ijwi.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * Free-text review: a coordinator reads the comments of their districts (an admin of all), codes them, approves
 * consented ones as quotable, redacts. Every view of free text is audited (who, page, district; never the text).
 */
public final class ReviewPage {

    static final int PAGE_SIZE = 100;

    private final ReviewDao dao;
    private final Geography geography;
    private final AuditLog audit;
    private final Templates templates;
    private final List<String> codes;

    public ReviewPage(ReviewDao dao, Geography geography, AuditLog audit, Templates templates) {
        this.dao = dao;
        this.geography = geography;
        this.audit = audit;
        this.templates = templates;
        this.codes = templates.messages().codes();
    }

    /** GET /review?district=&reviewed=no|yes|all */
    public void list(Context ctx) {
        User user = Templates.user(ctx);
        List<String> mine = geography.districts().stream().map(Geography.District::name).filter(user::covers).toList();
        String district = ctx.queryParam("district");
        List<String> shown = mine;
        if (district != null && !district.isBlank()) {
            Geography.District d = geography.district(district)
                    .orElseThrow(() -> new BadRequestResponse("unknown district"));
            if (!user.covers(d.name())) {
                throw new ForbiddenResponse("you do not coordinate " + d.name());
            }
            district = d.name();
            shown = List.of(d.name());
        } else {
            district = "";
        }
        String reviewed = ctx.queryParam("reviewed");
        if (reviewed == null || !List.of("yes", "all").contains(reviewed)) {
            reviewed = "no";
        }
        Boolean filter = switch (reviewed) {
            case "yes" -> Boolean.TRUE;
            case "all" -> null;
            default -> Boolean.FALSE;
        };
        Long before = null;
        if (ctx.queryParam("before") != null) {
            try {
                before = Long.parseLong(ctx.queryParam("before"));
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("before: not a comment id");
            }
        }
        List<Comment> comments = dao.comments(shown, filter, before, PAGE_SIZE + 1);
        boolean more = comments.size() > PAGE_SIZE;
        if (more) {
            comments = comments.subList(0, PAGE_SIZE);
        }
        audit.record(user.username(), "free_text_viewed", "page=/review district="
                + (district.isEmpty() ? (user.isAdmin() ? "all" : "own:" + String.join(",", mine)) : district)
                + " reviewed=" + reviewed + (before == null ? "" : " before=" + before) + " shown=" + comments.size(),
                ctx.ip());
        Chrome chrome = templates.chrome(ctx, "review_title", "review");
        templates.render(ctx, "review.jte", chrome, Map.of("comments", comments, "districts", mine,
                "district", district, "reviewed", reviewed, "codes", codes,
                "older", more ? "/review?district=" + java.net.URLEncoder.encode(district,
                        java.nio.charset.StandardCharsets.UTF_8) + "&reviewed=" + reviewed + "&before="
                        + comments.get(comments.size() - 1).id() : ""));
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
        back(ctx);
    }

    /** POST /review/{id}/redact: the text goes for good, the report stays counted. */
    public void redact(Context ctx) {
        User user = Templates.user(ctx);
        Comment comment = covered(ctx, user);
        dao.redact(comment.id(), user.username());
        audit.record(user.username(), "comment_redacted", "id=" + comment.id() + " district=" + comment.district(),
                ctx.ip());
        back(ctx);
    }

    private Comment covered(Context ctx, User user) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a comment id");
        }
        Comment comment = dao.find(id).orElseThrow(() -> new NotFoundResponse("no comment " + id));
        if (!user.covers(comment.district())) {
            throw new ForbiddenResponse("you do not coordinate " + comment.district());
        }
        return comment;
    }

    /** Back to the list the form came from (only our own filters are carried over). */
    private void back(Context ctx) {
        String district = geography.district(ctx.formParam("district")).map(Geography.District::name).orElse("");
        String reviewed = ctx.formParam("reviewed");
        if (reviewed == null || !List.of("yes", "no", "all").contains(reviewed)) {
            reviewed = "no";
        }
        ctx.redirect("/review?district=" + java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8)
                + "&reviewed=" + reviewed, HttpStatus.SEE_OTHER);
    }
}
