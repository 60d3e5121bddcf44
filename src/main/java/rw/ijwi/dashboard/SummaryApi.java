package rw.ijwi.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Publisher;
import rw.ijwi.web.Templates;

/** GET /api/v1/summary: counts by up to two dimensions, exact or suppressed as the caller may see them. */
public final class SummaryApi {

    private final Publisher publisher;
    private final Clock clock;

    public SummaryApi(Publisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public void summary(Context ctx) {
        SummaryRequest request = SummaryRequest.parse(ctx, publisher.aggregates().geography(), clock);
        Figures figures = publisher.figures(request.period(), SummaryRequest.readerOf(Templates.user(ctx)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.Row row : Summary.rows(request, figures)) {
            Map<String, Object> json = new LinkedHashMap<>(row.keys());
            json.put("count", row.count());
            rows.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("suppressedBelow", publisher.suppressBelow());
        ctx.json(body);
    }
}
