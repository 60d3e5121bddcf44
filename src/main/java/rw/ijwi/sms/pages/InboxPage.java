package rw.ijwi.sms.pages;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The SMS inbox: messages no keyword took, read by admins and coordinators (an SMS carries no district, so it
 * cannot be tied to one), coded and marked handled. Every view is audited like free text (never the text).
 */
public final class InboxPage {

    static final int PAGE_SIZE = 100;

    private final InboxDao dao;
    private final AuditLog audit;
    private final Templates templates;
    private final Clock clock;
    private final List<String> codes;

    public InboxPage(InboxDao dao, AuditLog audit, Templates templates, Clock clock) {
        this.dao = dao;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
        this.codes = templates.messages().codes();
    }

    /** GET /sms/inbox?handled=no|yes|all&before= */
    public void list(Context ctx) {
        User user = Templates.user(ctx);
        String handled = handled(ctx.queryParam("handled"));
        Boolean filter = switch (handled) {
            case "yes" -> Boolean.TRUE;
            case "all" -> null;
            default -> Boolean.FALSE;
        };
        Long before = null;
        if (ctx.queryParam("before") != null) {
            try {
                before = Long.parseLong(ctx.queryParam("before"));
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("before: not a message id");
            }
        }
        List<InboxDao.Message> messages = dao.messages(filter, before, PAGE_SIZE + 1);
        boolean more = messages.size() > PAGE_SIZE;
        if (more) {
            messages = messages.subList(0, PAGE_SIZE);
        }
        audit.record(user.username(), "free_text_viewed", "page=/sms/inbox handled=" + handled
                + (before == null ? "" : " before=" + before) + " shown=" + messages.size(), ctx.ip());
        Chrome chrome = templates.chrome(ctx, "sms_inbox_title", "sms");
        templates.render(ctx, "sms_inbox.jte", chrome, new View(messages, handled, codes, more
                ? "/sms/inbox?handled=" + handled + "&before=" + messages.get(messages.size() - 1).id() : ""));
    }

    /** POST /sms/inbox/{id}: codes the message and marks it handled. */
    public void handle(Context ctx) {
        User user = Templates.user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a message id");
        }
        dao.find(id).orElseThrow(() -> new NotFoundResponse("no inbox message " + id));
        List<String> chosen = new ArrayList<>();
        for (String code : ctx.formParams("codes")) {
            if (!codes.contains(code)) {
                throw new BadRequestResponse("unknown code '" + code.replaceAll("\\s+", " ") + "'");
            }
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        dao.handle(id, chosen.toArray(String[]::new), user.username(), clock.instant().atOffset(ZoneOffset.UTC));
        audit.record(user.username(), "sms_handled", "id=" + id + " codes=" + String.join(",", chosen), ctx.ip());
        ctx.redirect("/sms/inbox?handled=" + handled(ctx.formParam("handled")), HttpStatus.SEE_OTHER);
    }

    private static String handled(String asked) {
        return asked != null && List.of("yes", "all").contains(asked) ? asked : "no";
    }

    /** What sms_inbox.jte shows: a page of messages, the handled filter, the codes, the older page ("" at the end). */
    public record View(List<InboxDao.Message> messages, String handled, List<String> codes, String older) {
    }
}
