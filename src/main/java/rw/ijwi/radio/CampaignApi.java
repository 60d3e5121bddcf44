package rw.ijwi.radio;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** The campaign JSON API: create a campaign, read it, read its tally. Who may call it is decided elsewhere. */
public final class CampaignApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Predicate<String> reservedKeyword;
    private final Clock clock;

    public CampaignApi(Jdbi jdbi, Predicate<String> reservedKeyword, Clock clock) {
        this.jdbi = jdbi;
        this.reservedKeyword = reservedKeyword;
        this.clock = clock;
    }

    /** POST /api/v1/campaigns: 201 with the stored campaign and its id. */
    public void create(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequestResponse("body is not JSON");
        }
        long id = store(CampaignRequest.parse(body, reservedKeyword));
        ctx.status(201).json(view(campaign(id)));
    }

    /** Stores a checked campaign with its options in one transaction; 400 when its keyword is taken then. */
    long store(CampaignRequest request) {
        String replies;
        try {
            replies = JSON.writeValueAsString(request.replies());
        } catch (IOException e) {
            throw new IllegalStateException("replies cannot be written as JSON", e);
        }
        return jdbi.inTransaction(h -> {
            CampaignDao dao = h.attach(CampaignDao.class);
            if (dao.keywordTaken(request.keyword(), request.opensAt().atOffset(ZoneOffset.UTC),
                    request.closesAt().atOffset(ZoneOffset.UTC))) {
                throw new BadRequestResponse("keyword " + request.keyword() + " is used by another campaign at that time");
            }
            long created = dao.insertCampaign(request.name(), request.station(), request.show(), request.keyword(),
                    request.question().get("rw"), request.question().get("en"), request.question().get("fr"),
                    replies, request.opensAt().atOffset(ZoneOffset.UTC),
                    request.closesAt().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC));
            for (int i = 0; i < request.options().size(); i++) {
                Campaign.Option option = request.options().get(i);
                dao.insertOption(created, option.code(), i + 1, option.labels().get("rw"), option.labels().get("en"),
                        option.labels().get("fr"), String.join(" ", option.aliases()));
            }
            return created;
        });
    }

    /** The keyword rule of the router (reserved words and one letter from them), for the campaign form. */
    Predicate<String> reservedKeyword() {
        return reservedKeyword;
    }

    /** GET /api/v1/campaigns/{id} */
    public void get(Context ctx) {
        Campaign campaign = campaign(id(ctx));
        Map<String, Object> view = view(campaign);
        view.put("bursts", jdbi.onDemand(CampaignDao.class).bursts(campaign.id()));
        ctx.json(view);
    }

    /** GET /api/v1/campaigns/{id}/tally: {"total":N,"options":[{"code":"A","count":n}],"comments":m}. */
    public void tally(Context ctx) {
        long id = campaign(id(ctx)).id();
        ctx.json(tallyView(jdbi.onDemand(CampaignDao.class).tally(id)));
    }

    static Map<String, Object> tallyView(Tally tally) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", tally.total());
        view.put("options", tally.options().stream().map(o -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("code", o.code());
            option.put("count", o.count());
            return option;
        }).toList());
        view.put("comments", tally.comments());
        return view;
    }

    static Map<String, Object> view(Campaign campaign) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", campaign.id());
        view.put("name", campaign.name());
        view.put("station", campaign.station());
        view.put("show", campaign.show());
        view.put("keyword", campaign.keyword());
        view.put("question", new LinkedHashMap<>(campaign.question()));
        List<Map<String, Object>> options = campaign.options().stream().map(o -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("code", o.code());
            option.put("labels", o.labels());
            option.put("aliases", o.aliases());
            return option;
        }).toList();
        view.put("options", options);
        view.put("replies", campaign.replies());
        view.put("opensAt", campaign.opensAt().toString());
        view.put("closesAt", campaign.closesAt().toString());
        return view;
    }

    Campaign campaign(long id) {
        return jdbi.onDemand(CampaignDao.class).find(id)
                .orElseThrow(() -> new NotFoundResponse("no campaign " + id));
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no campaign " + ctx.pathParam("id"));
        }
    }
}
