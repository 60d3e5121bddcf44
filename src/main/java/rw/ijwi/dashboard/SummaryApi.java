package rw.ijwi.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.disclosure.Audience;
import rw.ijwi.disclosure.Publisher;
import rw.ijwi.feedback.Figures;
import rw.ijwi.web.Templates;

/**
 * GET /api/v1/summary: counts by up to two dimensions, exact where the caller sees exact counts, else from the
 * releases of a closed grid period (named in the answer as "release").
 */
public final class SummaryApi {

    private final Publisher publisher;
    private final Clock clock;

    public SummaryApi(Publisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void summary(Context ctx) {
        SummaryRequest request = SummaryRequest.parse(ctx, publisher.aggregates().geography(), clock);
        Audience audience = Audience.of(Templates.user(ctx));
        boolean exact = audience.exactFor(request.scope());
        request.check(exact);
        Figures figures = publisher.figures(request.period(), audience, request.scope());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.Row row : Summary.rows(request, figures)) {
            Map<String, Object> json = new LinkedHashMap<>(row.keys());
            json.put("count", row.count());
            rows.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("suppressedBelow", publisher.suppressBelow());
        if (!exact) {
            body.put("release", publisher.cell(request.period()).name());
        }
        ctx.json(body);
    }
}
