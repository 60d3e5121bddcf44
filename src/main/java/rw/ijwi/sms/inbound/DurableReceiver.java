package rw.ijwi.sms.inbound;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import rw.ijwi.sms.outbox.DeliveryReport;

/**
 * Stores SMS callbacks in PostgreSQL, or, while PostgreSQL is away, in the spool on disk, so that a callback
 * answered 200 is never lost. Spooled callbacks are replayed in order (within a second) when the database is back; while any
 * wait in the spool, new ones queue behind them, so order is kept. Replays are idempotent, like callbacks.
 */
public final class DurableReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DurableReceiver.class);

    private final SmsReceiver receiver;
    private final Spool spool;
    private final ObjectMapper json = new ObjectMapper();

    public DurableReceiver(SmsReceiver receiver, Spool spool) {
        this.receiver = receiver;
        this.spool = spool;
    }

    public void receive(InboundSms message) {
        store(entry(message), () -> receiver.receive(message));
    }

    /**
     * Stores a group of messages in one transaction or, while the database is away (or the spool not yet empty),
     * appends them all to the spool in order with one fsync. A refused statement fails the whole group, so the
     * caller can try each one on its own.
     */
    public void receiveAll(List<InboundSms> messages) {
        if (spool.size() == 0) {
            try {
                receiver.storeAll(messages);
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                LOG.warn("database unreachable: {} SMS callbacks written to the spool instead", messages.size());
            }
        }
        List<String> entries = new ArrayList<>(messages.size());
        for (InboundSms message : messages) {
            entries.add(entry(message).toString());
        }
        spool.appendAll(entries);
    }

    private ObjectNode entry(InboundSms message) {
        return json.createObjectNode().put("kind", "incoming").put("id", message.providerId())
                .put("from", message.from()).put("to", message.to()).put("text", message.text())
                .put("network", message.networkCode())
                .put("date", message.date() == null ? null : message.date().toString())
                .put("altered", message.textAltered())
                .put("link", message.link());
    }

    public void delivered(DeliveryReport report) {
        ObjectNode entry = json.createObjectNode().put("kind", "delivery").put("id", report.messageId())
                .put("status", report.status()).put("rank", report.rank()).put("reason", report.failureReason())
                .put("network", report.networkCode());
        store(entry, () -> receiver.delivered(report));
    }

    public void optedOut(String phoneNumber) {
        store(json.createObjectNode().put("kind", "optout").put("phone", phoneNumber),
                () -> receiver.optedOut(phoneNumber));
    }

    public int spooled() {
        return spool.size();
    }

    /** Replays spooled callbacks in order while the database takes them; returns how many went through. */
    public int replay() {
        int replayed = spool.drain(entry -> {
            apply(entry);
            return true;
        });
        if (replayed > 0) {
            LOG.info("replayed {} spooled SMS callbacks; {} still waiting", replayed, spool.size());
        }
        return replayed;
    }

    private void store(ObjectNode entry, Runnable direct) {
        if (spool.size() == 0) {
            try {
                direct.run();
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                LOG.warn("database unreachable: SMS callback written to the spool instead");
            }
        }
        spool.append(entry.toString());
    }

    private void apply(String entry) {
        JsonNode node;
        try {
            node = json.readTree(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable spool entry", e);
        }
        switch (node.path("kind").asText()) {
            case "incoming" -> receiver.receive(new InboundSms(node.get("id").asText(), node.get("from").asText(),
                    text(node, "to"), node.get("text").asText(), text(node, "network"),
                    text(node, "date") == null ? null : OffsetDateTime.parse(text(node, "date")),
                    text(node, "altered"), text(node, "link")));
            case "delivery" -> receiver.delivered(new DeliveryReport(node.get("id").asText(), node.get("status").asText(),
                    node.get("rank").asInt(), text(node, "reason"), text(node, "network")));
            case "optout" -> receiver.optedOut(node.get("phone").asText());
            default -> throw new IllegalStateException("unknown spool entry kind");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A failure to reach the database (as opposed to a refused statement, which spooling would not cure). */
    static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
