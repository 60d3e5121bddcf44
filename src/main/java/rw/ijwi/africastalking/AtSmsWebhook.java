package rw.ijwi.africastalking;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;

import rw.ijwi.sms.outbox.DeliveryReport;
import rw.ijwi.sms.inbound.DurableReceiver;
import rw.ijwi.sms.inbound.GroupCommit;
import rw.ijwi.sms.inbound.InboundSms;
import rw.ijwi.sms.inbound.Spool;

/**
 * Africa's Talking SMS callbacks (incoming message, delivery report, bulk opt-out): the only code that knows
 * their field names and status words. Each is stored (in PostgreSQL, or in the spool while it is away) before
 * the 200 (incoming messages in a group commit with the others arriving at the same time); a full spool answers 503 so the provider retries; a malformed one gets a
 * 400 with a one-line reason and nothing is stored. A person's text is never a reason to refuse: it is cleaned or
 * cut, and the row says so; ids and numbers stay strictly checked.
 */
public final class AtSmsWebhook {

    /** Ten concatenated parts; AT's own limit is not documented, anything longer is kept cut to this. */
    static final int MAX_TEXT = 1600;

    /** AT's delivery status words, by how far along the way to the handset they are; finals share the top rank. */
    private static final Map<String, Integer> STATUS_RANK = Map.of(
            "sent", 1, "submitted", 2, "buffered", 3,
            "success", 4, "failed", 4, "rejected", 4, "absentsubscriber", 4, "expired", 4);
    private static final Map<String, String> STATUS_SPELLING = Map.of(
            "sent", "Sent", "submitted", "Submitted", "buffered", "Buffered", "success", "Success", "failed", "Failed",
            "rejected", "Rejected", "absentsubscriber", "AbsentSubscriber", "expired", "Expired");

    private final GroupCommit inbound;
    private final DurableReceiver receiver;
    private final Optional<String> senderId;

    /** senderId: IJWI_AT_SENDER_ID, the only sender whose opt-outs are Ijwi's when it is set. */
    public AtSmsWebhook(GroupCommit inbound, DurableReceiver receiver, Optional<String> senderId) {
        this.inbound = inbound;
        this.receiver = receiver;
        this.senderId = senderId;
    }

    /** POST /at/sms: an incoming message. */
    public void incoming(Context ctx) {
        InboundSms message = parseIncoming(Form.of(ctx));
        acknowledge(ctx, () -> inbound.receive(message));
    }

    /** POST /at/sms/delivery: a delivery report for a message we sent. */
    public void delivery(Context ctx) {
        DeliveryReport report = parseDelivery(Form.of(ctx));
        acknowledge(ctx, () -> receiver.delivered(report));
    }

    /**
     * POST /at/sms/optout: the number opted out of a sender through AT. On an account shared with others, an
     * opt-out from another sender ID is theirs, not Ijwi's: acknowledged, not stored. Without IJWI_AT_SENDER_ID
     * Ijwi sends from the account's default sender, so every opt-out counts.
     */
    public void optOut(Context ctx) {
        Form form = Form.of(ctx);
        Optional<String> from = form.optionalNonBlank("senderId", 32);
        String phone = form.phoneNumber("phoneNumber");
        boolean ours = senderId.isEmpty() || from.isEmpty() || from.get().equalsIgnoreCase(senderId.get());
        acknowledge(ctx, () -> {
            if (ours) {
                receiver.optedOut(phone);
            }
        });
    }

    /** 200 once stored; 503 (AT retries) when the database is away and the spool is full. */
    private static void acknowledge(Context ctx, Runnable store) {
        try {
            store.run();
        } catch (Spool.Full full) {
            throw new ServiceUnavailableResponse("temporarily unable to store callbacks; retry later");
        }
        ctx.contentType("text/plain; charset=utf-8").result("OK");
    }

    static InboundSms parseIncoming(Form form) {
        String id = form.requiredNonBlank("id", 128);
        String from = form.phoneNumber("from");
        Form.FreeText text = form.freeText("text", MAX_TEXT)
                .orElseThrow(() -> new BadRequestResponse("missing field text"));
        return new InboundSms(id, from, form.optionalNonBlank("to", 32).orElse(null), text.value(),
                form.optionalNonBlank("networkCode", 16).orElse(null),
                form.optionalNonBlank("date", 40).flatMap(AtDates::parse).orElse(null), text.altered(),
                form.optionalNonBlank("linkId", 128).orElse(null));
    }

    static DeliveryReport parseDelivery(Form form) {
        String id = form.requiredNonBlank("id", 128);
        String status = form.requiredNonBlank("status", 40);
        String key = status.toLowerCase(Locale.ROOT);
        Optional<String> reason = form.optionalNonBlank("failureReason", 64).map(AtSmsWebhook::failureReason);
        form.optional("phoneNumber", 32); // validated for shape, never stored
        return new DeliveryReport(id, STATUS_SPELLING.getOrDefault(key, status), STATUS_RANK.getOrDefault(key, 0),
                reason.orElse(null), form.optionalNonBlank("networkCode", 16).orElse(null));
    }

    /** AT's docs spell it NotNetworkSubcriber, other sources NotNetworkSubscriber: both mean the same. */
    static String failureReason(String reason) {
        return reason.equalsIgnoreCase("NotNetworkSubcriber") ? "NotNetworkSubscriber" : reason;
    }
}
