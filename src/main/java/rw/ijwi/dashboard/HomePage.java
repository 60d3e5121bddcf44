package rw.ijwi.dashboard;

import java.util.Map;

import io.javalin.http.Context;

import rw.ijwi.feedback.ReportDao;
import rw.ijwi.web.Templates;

/** The landing page after sign-in. */
public final class HomePage {

    private final ReportDao reports;
    private final Templates templates;

    public HomePage(ReportDao reports, Templates templates) {
        this.reports = reports;
        this.templates = templates;
    }

    public void show(Context ctx) {
        templates.render(ctx, "home.jte", templates.chrome(ctx, "overview", "overview"),
                Map.of("reports", reports.count()));
    }
}
