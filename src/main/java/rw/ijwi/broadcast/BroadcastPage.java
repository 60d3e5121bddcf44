package rw.ijwi.broadcast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;


import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import rw.ijwi.auth.User;
import rw.ijwi.commitments.Commitment;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * The broadcast pages: compose, preview, confirm, and the progress of what was sent. With no SMS gateway configured,
 * the preview and the broadcast say that its messages are queued, not sent, and what to set.
 */
public final class BroadcastPage {

    static final List<String> STATES = List.of("queued", "sending", "sent", "failed", "skipped");

    private final Broadcasts broadcasts;
    private final BroadcastDao history;
    private final CommitmentDao commitments;
    private final Geography geography;
    private final Templates templates;
    private final boolean gateway;
    private final ObjectMapper json = new ObjectMapper();

    /** gateway: whether an SMS gateway is configured (Africa's Talking), so queued messages will go out. */
    public BroadcastPage(Broadcasts broadcasts, BroadcastDao history, CommitmentDao commitments, Geography geography,
            Templates templates, boolean gateway) {
        this.broadcasts = broadcasts;
        this.history = history;
        this.commitments = commitments;
        this.geography = geography;
        this.templates = templates;
        this.gateway = gateway;
    }

    /** GET /broadcasts: the compose form and the latest broadcasts of the user's districts. */
    public void list(Context ctx) {
        User user = Templates.user(ctx);
        String district = ctx.queryParam("district");
        compose(ctx, HttpStatus.OK, Draft.empty(district == null ? firstDistrict(user) : district), "");
    }

    /** POST /broadcasts/preview */
    public void preview(Context ctx) {
        Draft draft = draft(ctx);
        try {
            showPreview(ctx, HttpStatus.OK, broadcasts.preview(Templates.user(ctx), draft), "");
        } catch (Broadcasts.Refused e) {
            compose(ctx, HttpStatus.BAD_REQUEST, draft, error(ctx, e));
        }
    }

    /** POST /broadcasts: the confirmation of a preview. */
    public void confirm(Context ctx) {
        Draft draft = draft(ctx);
        try {
            Broadcasts.Outcome outcome = broadcasts.confirm(Templates.user(ctx), draft, ctx.ip());
            if (outcome instanceof Broadcasts.Changed changed) {
                showPreview(ctx, HttpStatus.CONFLICT, changed.preview(), "broadcast_changed");
            } else if (outcome instanceof Broadcasts.Sent sent) {
                ctx.redirect("/broadcasts/" + sent.id(), HttpStatus.SEE_OTHER);
            }
        } catch (Broadcasts.Refused e) {
            compose(ctx, HttpStatus.BAD_REQUEST, draft, error(ctx, e));
        }
    }

    /** GET /broadcasts/{id}: figures of the broadcast and the state of its messages. */
    public void show(Context ctx) {
        BroadcastDao.Sent sent = covered(ctx);
        Chrome chrome = templates.chrome(ctx, "broadcast_title", "sms");
        templates.render(ctx, "broadcast.jte", chrome, new Detail(sent, progress(sent.id()),
                sent.commitmentId() == null ? "" : commitments
                        .find(sent.commitmentId()).map(c -> c.actor() + " - " + c.promise()).orElse(""),
                texts(sent), gateway));
    }

    /** GET /broadcasts/{id}/progress: the same counts as JSON, for the page to follow without reloading. */
    public void progressJson(Context ctx) {
        ctx.json(progress(covered(ctx).id()));
    }

    /** Counts by outbox state, delivered and not delivered, and whether anything is still on its way. */
    Map<String, Object> progress(long id) {
        // Queueing first: once it says finished, every outbox row is committed, so the counts below see them all
        // (read the other way round, a poll could say "finished" beside the count from before the last batch).
        BroadcastDao.Queueing queueing = history.queueing(id);
        Map<String, Long> states = new LinkedHashMap<>();
        STATES.forEach(s -> states.put(s, 0L));
        Map<String, Long> delivery = new LinkedHashMap<>();
        long total = 0;
        for (BroadcastDao.StateCount row : history.progress(id)) {
            states.merge(row.state(), row.count(), Long::sum);
            if (row.deliveryStatus() != null) {
                delivery.merge(row.deliveryStatus(), row.count(), Long::sum);
            }
            total += row.count();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total);
        body.putAll(states);
        body.put("delivered", delivery.getOrDefault("Success", 0L));
        body.put("delivery", delivery);
        // While the background job still fills the outbox (V33), the broadcast is not done however few wait.
        boolean filling = queueing.filling();
        body.put("enqueued", queueing.enqueued());
        body.put("recipients", queueing.recipients());
        body.put("enqueueing", filling);
        body.put("done", !filling && states.get("queued") + states.get("sending") == 0);
        body.put("gateway", gateway);
        return body;
    }

    /** The texts of a broadcast by language (one entry, language "", when everyone got the same). */
    private Map<String, String> texts(BroadcastDao.Sent sent) {
        if (sent.texts() == null) {
            return Map.of("", sent.text());
        }
        try {
            return json.readValue(sent.texts(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("broadcast " + sent.id() + ": texts are not JSON", e);
        }
    }

    private BroadcastDao.Sent covered(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no broadcast " + ctx.pathParam("id"));
        }
        // Another district's broadcast answers as a missing one: ids are sequential, and "you do not coordinate
        // Rusizi" would tell where each is and how many each district sent.
        return history.find(id).filter(sent -> Templates.user(ctx).covers(sent.district()))
                .orElseThrow(() -> new NotFoundResponse("no broadcast " + id));
    }

    private void compose(Context ctx, HttpStatus status, Draft draft, String error) {
        User user = Templates.user(ctx);
        List<String> districts = districts(user);
        List<Commitment> commitments = districts.stream().flatMap(d -> broadcasts.commitments(user, d).stream())
                .toList();
        Chrome chrome = templates.chrome(ctx, "broadcasts_title", "sms");
        ctx.status(status);
        templates.render(ctx, "broadcasts.jte", chrome, new Compose(draft, error, districts, commitments,
                history.latest(districts, 50), Broadcasts.MAX_CHARS));
    }

    private void showPreview(Context ctx, HttpStatus status, Preview preview, String notice) {
        Chrome chrome = templates.chrome(ctx, "broadcast_preview_title", "sms");
        ctx.status(status);
        templates.render(ctx, "broadcast_preview.jte", chrome, new Confirm(preview, notice,
                Broadcasts.newConfirmation(), gateway));
    }

    private List<String> districts(User user) {
        return geography.districts().stream().map(Geography.District::name).filter(user::covers).toList();
    }

    private String firstDistrict(User user) {
        return user.isAdmin() ? "" : districts(user).stream().findFirst().orElse("");
    }

    private String error(Context ctx, Broadcasts.Refused e) {
        return templates.messages().get(Templates.language(ctx), e.key()).replace("{value}", e.value());
    }

    private static Draft draft(Context ctx) {
        return new Draft(ctx.formParam("district"), ctx.formParam("commitment"), ctx.formParam("text"),
                ctx.formParam("language"), ctx.formParam("fingerprint"), ctx.formParam("confirmation"));
    }

    /** What broadcasts.jte shows: the compose form and its error ("" when none), and the latest broadcasts. */
    public record Compose(Draft draft, String error, List<String> districts, List<Commitment> commitments,
            List<BroadcastDao.Sent> latest, int maxChars) {
    }

    /** What broadcast_preview.jte shows: who and what would be sent, a notice key ("" when none), the confirmation. */
    public record Confirm(Preview preview, String notice, String confirmation, boolean gateway) {
    }

    /**
     * What broadcast.jte shows: the broadcast, its progress (the counts /progress answers as JSON), the commitment it
     * followed up ("" when none), and its texts by language.
     */
    public record Detail(BroadcastDao.Sent broadcast, Map<String, Object> progress, String commitment,
            Map<String, String> texts, boolean gateway) {
    }
}
