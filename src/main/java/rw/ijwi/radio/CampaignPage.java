package rw.ijwi.radio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.geo.Rwanda;
import rw.ijwi.web.Chrome;
import rw.ijwi.web.Templates;

/**
 * Radio campaigns in the dashboard: the list, a form that makes the same request as the JSON API (and is checked
 * by the same rules), and a campaign's page with its tally, comment count, bursts and the studio link. Times on
 * the form and the pages are Rwanda time (Africa/Kigali); the database keeps UTC.
 */
public final class CampaignPage {

    static final int OPTION_ROWS = 6;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampaignApi api;
    private final CampaignDao campaigns;
    private final AuditLog audit;
    private final Templates templates;
    private final Clock clock;

    public CampaignPage(CampaignApi api, CampaignDao campaigns, AuditLog audit, Templates templates, Clock clock) {
        this.api = api;
        this.campaigns = campaigns;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
    }

    /** GET /campaigns */
    public void list(Context ctx) {
        Chrome chrome = templates.chrome(ctx, "campaigns_title", "campaigns");
        templates.render(ctx, "campaigns.jte", chrome, new Listing(campaigns.latestRows(200), clock.instant(),
                Templates.user(ctx).role() != rw.ijwi.auth.Role.VIEWER));
    }

    /** GET /campaigns/new: a yes/no poll to start from. */
    public void newForm(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("opt1_code", "A");
        values.put("opt1_rw", "Yego");
        values.put("opt1_en", "Yes");
        values.put("opt1_fr", "Oui");
        values.put("opt1_aliases", "1 yego yes oui");
        values.put("opt2_code", "B");
        values.put("opt2_rw", "Oya");
        values.put("opt2_en", "No");
        values.put("opt2_fr", "Non");
        values.put("opt2_aliases", "2 oya no non");
        showForm(ctx, HttpStatus.OK, values, "");
    }

    /** POST /campaigns */
    public void create(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty() && !v.get(0).isBlank()) {
                values.put(k, v.get(0));
            }
        });
        try {
            long id = api.store(CampaignRequest.parse(request(values), api.reservedKeyword()));
            audit.record(Templates.user(ctx).username(), "campaign_created", "id=" + id, ctx.ip());
            ctx.redirect("/campaigns/" + id, HttpStatus.SEE_OTHER);
        } catch (BadRequestResponse e) {
            showForm(ctx, HttpStatus.BAD_REQUEST, values, e.getMessage());
        }
    }

    /** GET /campaigns/{id} */
    public void show(Context ctx) {
        Campaign campaign = api.campaign(CampaignApi.id(ctx));
        CampaignDao dao = campaigns;
        Chrome chrome = templates.chrome(ctx, "campaign_title", "campaigns");
        templates.render(ctx, "campaign.jte", chrome, new Detail(campaign, dao.tally(campaign.id()),
                dao.burstList(campaign.id()), state(campaign.opensAt(), campaign.closesAt())));
    }

    /** upcoming, on_air or closed, now. */
    String state(Instant opensAt, Instant closesAt) {
        Instant now = clock.instant();
        return now.isBefore(opensAt) ? "upcoming" : now.isBefore(closesAt) ? "on_air" : "closed";
    }

    public static String kigali(Instant instant) {
        return SHOWN.format(instant.atZone(Rwanda.ZONE));
    }

    public static String kigali(java.time.OffsetDateTime time) {
        return kigali(time.toInstant());
    }

    /** The JSON body the API would get for these form fields; CampaignRequest then checks it. */
    static ObjectNode request(Map<String, String> form) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : List.of("name", "station", "show", "keyword")) {
            if (form.containsKey(field)) {
                body.put(field, form.get(field));
            }
        }
        ObjectNode question = body.putObject("question");
        for (String language : Rwanda.LANGUAGES) {
            if (form.containsKey("question_" + language)) {
                question.put(language, form.get("question_" + language));
            }
        }
        ArrayNode options = body.putArray("options");
        for (int i = 1; i <= OPTION_ROWS; i++) {
            String prefix = "opt" + i + "_";
            if (!form.containsKey(prefix + "code")) {
                continue;
            }
            ObjectNode option = options.addObject();
            option.put("code", form.get(prefix + "code"));
            ObjectNode labels = option.putObject("labels");
            for (String language : Rwanda.LANGUAGES) {
                if (form.containsKey(prefix + language)) {
                    labels.put(language, form.get(prefix + language));
                }
            }
            ArrayNode aliases = option.putArray("aliases");
            for (String alias : form.getOrDefault(prefix + "aliases", "").split("[\\s,]+")) {
                if (!alias.isBlank()) {
                    aliases.add(alias);
                }
            }
        }
        body.put("opensAt", utc(form.get("opensAt"), "opensAt"));
        body.put("closesAt", utc(form.get("closesAt"), "closesAt"));
        return body;
    }

    /** A datetime-local value in Rwanda time, as the API's UTC date-time. */
    private static String utc(String local, String field) {
        if (local == null) {
            throw new BadRequestResponse("missing field " + field);
        }
        try {
            return LocalDateTime.parse(local).atZone(Rwanda.ZONE).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(field + " must be a date and time such as 2026-12-01T19:00");
        }
    }

    private void showForm(Context ctx, HttpStatus status, Map<String, String> values, String error) {
        Chrome chrome = templates.chrome(ctx, "campaign_new", "campaigns");
        ctx.status(status);
        templates.render(ctx, "campaign_new.jte", chrome, new Form(values, error, OPTION_ROWS));
    }

    /** What campaigns.jte shows: the latest campaigns, the time now (for their state), and whether to offer a new one. */
    public record Listing(List<CampaignDao.CampaignRow> campaigns, Instant now, boolean canCreate) {
    }

    /** What campaign_new.jte shows: the form's values by field name, the error ("" when none), and its option rows. */
    public record Form(Map<String, String> values, String error, int rows) {
    }

    /** What campaign.jte shows: the campaign, its tally, its bursts, and whether it is upcoming, on_air or closed. */
    public record Detail(Campaign campaign, Tally tally, List<CampaignDao.Burst> bursts, String state) {
    }
}
