package rw.ijwi.testing;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import rw.ijwi.security.PhoneHasher;

/** A phone texting Ijwi through the AT callbacks, and the SQL literal of a number's hash for assertions. */
public final class Texting {

    private static final AtomicLong IDS = new AtomicLong();
    private static final PhoneHasher HASHER = new PhoneHasher(Base64.getDecoder().decode(TestApp.SECRET));

    private Texting() {
    }

    /** Posts an incoming SMS as AT would, with a new AT id; fails unless Ijwi answers 200. */
    public static String text(TestApp app, String from, String text) {
        String id = "ATId_" + ProcessHandle.current().pid() + "_" + IDS.incrementAndGet();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("date", "2026-12-01 17:05:00");
        form.put("from", from);
        form.put("id", id);
        form.put("linkId", "");
        form.put("text", text);
        form.put("to", "8080");
        form.put("networkCode", "63510");
        HttpResponse<String> response = app.post("/at/sms?token=" + TestApp.TOKEN, form);
        if (response.statusCode() != 200) {
            throw new AssertionError("/at/sms answered " + response.statusCode() + ": " + response.body());
        }
        return id;
    }

    public static HttpResponse<String> delivery(TestApp app, String messageId, String status) {
        return app.post("/at/sms/delivery?token=" + TestApp.TOKEN, Map.of("id", messageId, "status", status,
                "phoneNumber", "+250788000000", "networkCode", "63510"));
    }

    /** '\x..'::bytea, the number's keyed hash as Ijwi stores it. */
    public static String hash(String phone) {
        return "'\\x" + HexFormat.of().formatHex(HASHER.hash(phone)) + "'::bytea";
    }
}
