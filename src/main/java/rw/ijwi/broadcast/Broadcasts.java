package rw.ijwi.broadcast;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.javalin.http.ForbiddenResponse;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.auth.User;
import rw.ijwi.commitments.Commitment;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.geo.Geography;
import rw.ijwi.geo.Rwanda;
import rw.ijwi.gsm.Gsm7;
import rw.ijwi.sms.UnsafeWords;
import rw.ijwi.web.Messages;

/**
 * "You said / we did" updates to the JOIN subscribers of a district: a preview (recipients, text as it will
 * travel, parts, cost), then a confirmation that writes the broadcast and one outbox row per subscriber in one
 * transaction, refused when the text or the audience changed since the preview. Knows nothing of HTTP forms.
 */
public final class Broadcasts {

    public static final int MAX_CHARS = 459;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A draft that cannot be sent; key names the words (dashboard.yaml) shown to the coordinator. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final String value;

        Refused(String key, String value) {
            super(key);
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }
    }

    /** What a confirmation came to: the broadcast sent (or sent before by the same form), or a changed preview. */
    public sealed interface Outcome permits Sent, Changed {
    }

    public record Sent(long id) implements Outcome {
    }

    public record Changed(Preview preview) implements Outcome {
    }

    private record Computed(Preview preview, List<BroadcastDao.Recipient> recipients) {
    }

    private final Jdbi jdbi;
    private final Geography geography;
    private final Messages messages;
    private final BigDecimal price;
    private final Clock clock;
    private final Runnable outboxFilled;
    private final BroadcastQueue queue;

    public Broadcasts(Jdbi jdbi, Geography geography, Messages messages, BigDecimal price, Clock clock,
            Runnable outboxFilled) {
        this.jdbi = jdbi;
        this.geography = geography;
        this.messages = messages;
        this.price = price;
        this.clock = clock;
        this.outboxFilled = outboxFilled;
        this.queue = new BroadcastQueue(jdbi, clock, outboxFilled);
    }

    /** What fills confirmed broadcasts' outbox rows; housekeeping resumes those a restart interrupted. */
    public BroadcastQueue queue() {
        return queue;
    }

    public Preview preview(User user, Draft draft) {
        return jdbi.withHandle(h -> compute(h, user, draft).preview());
    }

    /** A fresh one-time value for the confirmation form of a preview. */
    public static String newConfirmation() {
        byte[] value = new byte[18];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** Sends the previewed broadcast, unless what it would send differs from the preview the draft carries. */
    public Outcome confirm(User user, Draft draft, String address) {
        if (draft.confirmation() == null || !draft.confirmation().matches("[A-Za-z0-9_-]{16,64}")) {
            throw new Refused("broadcast_error_expired", "");
        }
        Map<Long, List<BroadcastDao.Recipient>> filling = new HashMap<>();
        Outcome outcome = jdbi.inTransaction(h -> {
            BroadcastDao dao = h.attach(BroadcastDao.class);
            Computed now = compute(h, user, draft);
            Optional<Long> before = dao.byConfirmation(draft.confirmation());
            if (before.isPresent()) {
                return new Sent(before.get());
            }
            if (!now.preview().fingerprint().equals(draft.fingerprint())) {
                return new Changed(now.preview());
            }
            Preview p = now.preview();
            if (p.recipients() == 0) {
                throw new Refused("broadcast_error_nobody", p.district());
            }
            var at = clock.instant().atOffset(ZoneOffset.UTC);
            Map<String, String> texts = new LinkedHashMap<>();
            p.versions().forEach(v -> texts.put(v.language(), v.text()));
            Optional<Long> id = dao.insert(p.districtId(), p.commitmentId(), p.text(),
                    p.perLanguage() ? json(texts) : null, p.unicode(), p.segments(), p.recipients(), p.price(),
                    p.cost(), draft.confirmation(), user.username(), at);
            if (id.isEmpty()) {
                return new Sent(dao.byConfirmation(draft.confirmation()).orElseThrow());
            }
            filling.put(id.get(), now.recipients());
            h.attach(AuditLog.class).record(user.username(), "broadcast_sent", "id=" + id.get() + " district="
                    + p.district() + (p.commitmentId() == null ? "" : " commitment=" + p.commitmentId())
                    + " recipients=" + p.recipients() + " segments=" + p.segments() + " encoding=" + p.encoding()
                    + " cost=" + p.costText(), address);
            return new Sent(id.get());
        });
        // The broadcast row is committed: its outbox rows follow (at once when few, else in the background).
        filling.forEach(queue::fill);
        if (outcome instanceof Sent) {
            outboxFilled.run();
        }
        return outcome;
    }

    /** The commitments a broadcast may report on: those of the districts the user covers. */
    public List<Commitment> commitments(User user, String district) {
        CommitmentDao dao = jdbi.onDemand(CommitmentDao.class);
        return district == null || district.isBlank() || !user.covers(district) ? List.of() : dao.inDistrict(district);
    }

    private Computed compute(Handle h, User user, Draft draft) {
        Geography.District district = geography.district(draft.district() == null ? "" : draft.district())
                .orElseThrow(() -> new Refused("broadcast_error_district", ""));
        if (!user.covers(district.name())) {
            throw new ForbiddenResponse("you do not coordinate " + district.name());
        }
        Commitment commitment = commitment(h, draft.commitment(), district);
        List<BroadcastDao.Recipient> recipients = h.attach(BroadcastDao.class).audience(district.id());
        String typed = draft.text() == null ? "" : draft.text().replace("\r\n", "\n").strip();
        // A commitment with no typed text goes to each subscriber in their language: the status word and all.
        Map<String, String> texts = new LinkedHashMap<>();
        if (typed.isEmpty() && commitment != null) {
            for (String language : Rwanda.LANGUAGES) {
                if (recipients.isEmpty() || recipients.stream().anyMatch(r -> language.equals(r.language()))) {
                    texts.put(language, checked(fromCommitment(commitment, language), draft.text()));
                }
            }
        } else if (typed.isEmpty()) {
            throw new Refused("broadcast_error_empty", "");
        } else {
            texts.put("", checked(typed, draft.text()));
        }
        List<Preview.Version> versions = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            int count = (int) recipients.stream().filter(r -> text.getKey().isEmpty()
                    || text.getKey().equals(r.language())).count();
            Gsm7.Segments segments = Gsm7.segments(text.getValue());
            versions.add(new Preview.Version(text.getKey(), text.getValue(), segments.unicode(), segments.units(),
                    segments.parts(), count));
            cost = cost.add(price.multiply(BigDecimal.valueOf((long) count * segments.parts())));
        }
        Long commitmentId = commitment == null ? null : commitment.id();
        int demo = (int) recipients.stream().filter(BroadcastDao.Recipient::demo).count();
        return new Computed(new Preview(district.id(), district.name(), commitmentId, versions, recipients.size(),
                demo, price, cost, fingerprint(district.id(), commitmentId, texts, recipients)), recipients);
    }

    /** The text as it will travel: plain quotes and dashes where the SMS alphabet has them; refused when unsendable. */
    private static String checked(String text, String typed) {
        text = Gsm7.normaliseWherePossible(text).strip();
        if (text.length() > MAX_CHARS) {
            throw new Refused("broadcast_error_long", String.valueOf(MAX_CHARS));
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new Refused("broadcast_error_control", "");
        }
        String unsafe = UnsafeWords.find(text).or(() -> UnsafeWords.find(typed == null ? "" : typed)).orElse(null);
        if (unsafe != null) {
            throw new Refused("broadcast_error_unsafe", unsafe);
        }
        return text;
    }

    private Commitment commitment(Handle h, String id, Geography.District district) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            Commitment found = h.attach(CommitmentDao.class).find(Long.parseLong(id.strip()))
                    .orElseThrow(() -> new Refused("broadcast_error_commitment", district.name()));
            if (!found.district().equals(district.name())) {
                throw new Refused("broadcast_error_commitment", district.name());
            }
            return found;
        } catch (NumberFormatException e) {
            throw new Refused("broadcast_error_commitment", district.name());
        }
    }

    /**
     * "Rusizi: National Police - Two officers at Bugarama station (Byakozwe)": the words around the coordinator's own
     * (the status) in the one language, so a subscriber never gets an English sentence with a Kinyarwanda status.
     */
    String fromCommitment(Commitment c, String language) {
        String lang = Rwanda.LANGUAGES.contains(language) ? language : "rw";
        return messages.get(lang, "broadcast_commitment_sms").replace("{district}", c.district())
                .replace("{actor}", c.actor()).replace("{promise}", c.promise())
                .replace("{status}", messages.get(lang, "status_" + c.status()));
    }

    /** SHA-256 over what the broadcast would send and to whom (hashes of the numbers and their languages, in order). */
    static String fingerprint(int districtId, Long commitmentId, Map<String, String> texts,
            List<BroadcastDao.Recipient> recipients) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((districtId + "\n" + commitmentId + "\n").getBytes(StandardCharsets.UTF_8));
            texts.forEach((language, text) -> digest.update((language + "\n" + text + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            for (BroadcastDao.Recipient r : recipients) {
                digest.update(r.phoneHash());
                digest.update(String.valueOf(r.language()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, String> texts) {
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
