package rw.ijwi.africastalking;

import java.util.Optional;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

import rw.ijwi.ussd.Reply;
import rw.ijwi.ussd.UssdRequest;
import rw.ijwi.ussd.UssdService;
import rw.ijwi.ussd.UssdSessionEnd;

/**
 * Africa's Talking USSD callbacks: the only code that knows AT's USSD field names, status words and the
 * CON/END reply format. Everything past parsing is provider-neutral.
 */
public final class AtUssdWebhook {

    static final int MAX_TEXT = 2000;
    static final String UNKNOWN = "Unknown";
    /** AT's error text is for the operator; a longer one is kept cut to this, and the row says so. */
    static final int MAX_ERROR = 500;

    private final UssdService ussd;

    public AtUssdWebhook(UssdService ussd) {
        this.ussd = ussd;
    }

    /** POST /at/ussd: one hop; replies text/plain starting "CON " (wait for input) or "END " (close). */
    public void session(Context ctx) {
        UssdRequest request = parseSession(Form.of(ctx));
        ctx.contentType("text/plain; charset=utf-8").result(format(ussd.answer(request)));
    }

    /** POST /at/ussd/events: the end-of-session notification, stored once per session. */
    public void event(Context ctx) {
        ussd.ended(parseEvent(Form.of(ctx)));
        ctx.contentType("text/plain; charset=utf-8").result("OK");
    }

    static UssdRequest parseSession(Form form) {
        String sessionId = sessionId(form);
        String phone = form.phoneNumber("phoneNumber");
        String serviceCode = form.optional("serviceCode", 64).orElse("");
        String network = form.optional("networkCode", 16).orElse("");
        String text = form.optional("text", MAX_TEXT).orElse("");
        return new UssdRequest(sessionId, serviceCode, phone, network, text);
    }

    static UssdSessionEnd parseEvent(Form form) {
        String sessionId = sessionId(form);
        // AT's word for how the session ended; without one the session still ended, so it is kept as Unknown.
        String status = form.optionalNonBlank("status", 32).orElse(UNKNOWN);
        form.optional("phoneNumber", 32); // validated for shape, never stored
        Optional<Form.FreeText> error = form.freeText("errorMessage", MAX_ERROR)
                .map(e -> new Form.FreeText(e.value().strip(), e.altered())).filter(e -> !e.value().isEmpty());
        return new UssdSessionEnd(sessionId, status,
                form.optionalNonBlank("serviceCode", 64).orElse(null),
                form.optionalNonBlank("networkCode", 16).orElse(null),
                form.optionalNonBlank("hopsCount", 12).flatMap(AtUssdWebhook::integer).orElse(null),
                form.optionalNonBlank("durationInMillis", 20).flatMap(AtUssdWebhook::longValue).orElse(null),
                form.optionalNonBlank("cost", 32).orElse(null),
                error.map(Form.FreeText::value).orElse(null),
                form.optionalNonBlank("date", 40).flatMap(AtDates::parse).orElse(null),
                form.optional("input", MAX_TEXT).orElse(""),
                error.map(Form.FreeText::altered).orElse(null));
    }

    static String format(Reply reply) {
        return (reply.end() ? "END " : "CON ") + reply.text();
    }

    private static String sessionId(Form form) {
        String id = form.required("sessionId", 128).strip();
        if (id.isEmpty()) {
            throw new BadRequestResponse("field sessionId is empty");
        }
        return id;
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> longValue(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
