import io.javalin.Javalin;

/**
 * The floor for the USSD benchmark: a bare Javalin handler that reads the same form fields as Ijwi's USSD
 * webhook and answers a constant, on the same JVM settings. Ijwi's figures are reported as a ratio of it.
 * Run: java -Xmx256m -cp target/ijwi.jar bench/Floor.java 7090
 */
public class Floor {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/at/ussd", ctx -> {
                String session = ctx.formParam("sessionId");
                String phone = ctx.formParam("phoneNumber");
                String text = ctx.formParam("text");
                if (session == null || phone == null) {
                    ctx.status(400).result("missing field");
                    return;
                }
                ctx.contentType("text/plain; charset=utf-8").result(text == null || text.isEmpty()
                        ? "CON Ijwi\n1. A\n2. B" : "CON ok");
            });
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
        }).start(port);
    }
}
