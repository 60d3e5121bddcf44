package rw.ijwi.radio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

import rw.ijwi.sms.keywords.Outcome;
import rw.ijwi.sms.keywords.Polls;
import rw.ijwi.sms.keywords.SmsContext;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.sms.keywords.Words;

/**
 * What an SMS to a campaign does: "KEYWORD A" or "KEYWORD 1" votes (a later vote replaces the earlier one),
 * other text after the keyword is kept as a comment, a bare "A" votes when exactly one campaign is on air, and
 * outside the window the sender is told politely that it is closed. Identical comments from many numbers
 * within seconds are flagged on the campaign.
 */
public final class CampaignVotes implements Polls {

    /** Campaigns that closed longer ago than this no longer answer to their keyword. */
    static final Duration REMEMBERED = Duration.ofDays(30);
    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    static final int BURST_NUMBERS = 10;

    private final SmsTexts texts;

    public CampaignVotes(SmsTexts texts) {
        this.texts = texts;
    }

    @Override
    public Open open(Handle handle, Instant now) {
        List<Campaign> campaigns = handle.attach(CampaignDao.class).closingAfter(utc(now.minus(REMEMBERED)));
        return new OpenCampaigns(campaigns, now, new CampaignWrites(handle));
    }

    private final class OpenCampaigns implements Open {

        private final List<Campaign> campaigns;
        private final Instant now;
        private final Set<String> keywords;
        private final CampaignWrites writes;

        OpenCampaigns(List<Campaign> campaigns, Instant now, CampaignWrites writes) {
            this.campaigns = campaigns;
            this.now = now;
            this.writes = writes;
            this.keywords = campaigns.stream().map(Campaign::keyword).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Set<String> keywords() {
            return keywords;
        }

        @Override
        public void finish() {
            writes.write(utc(now), utc(now.minus(BURST_WINDOW)), BURST_NUMBERS);
        }

        @Override
        public Outcome keyword(String keyword, String rest, SmsContext context) {
            Campaign campaign = pick(keyword);
            String language = context.language();
            if (!campaign.onAir(now)) {
                return outcome("closed", campaign, reply(campaign, "closed", language, Map.of()));
            }
            if (rest.isEmpty()) {
                return outcome("how_to_vote", campaign, reply(campaign, "how_to_vote", language,
                        Map.of("example", campaign.keyword() + " " + campaign.options().get(0).code())));
            }
            String[] split = Words.firstAndRest(rest);
            Optional<Campaign.Option> option = campaign.option(split[0]);
            if (option.isEmpty()) {
                comment(campaign, rest, context);
                return outcome("comment", campaign, reply(campaign, "comment", language, Map.of()));
            }
            vote(campaign, option.get(), context);
            if (!split[1].isEmpty()) {
                comment(campaign, split[1], context);
            }
            String spoken = languageOf(option.get(), split[0], language);
            return outcome(split[1].isEmpty() ? "vote" : "vote_comment", campaign, reply(campaign, "vote", spoken,
                    Map.of("choice", option.get().labels().get(spoken))));
        }

        @Override
        public Optional<Outcome> bareWord(String word, SmsContext context) {
            List<Campaign> onAir = campaigns.stream().filter(c -> c.onAir(now)).toList();
            if (onAir.size() != 1) {
                return Optional.empty();
            }
            Campaign campaign = onAir.get(0);
            return campaign.option(word).map(option -> {
                vote(campaign, option, context);
                String spoken = languageOf(option, word, context.language());
                return outcome("vote", campaign, reply(campaign, "vote", spoken,
                        Map.of("choice", option.labels().get(spoken))));
            });
        }

        /** The campaign on air with that keyword; else the one that closed last; else the next to open. */
        private Campaign pick(String keyword) {
            List<Campaign> same = campaigns.stream().filter(c -> c.keyword().equals(keyword)).toList();
            return same.stream().filter(c -> c.onAir(now)).findFirst()
                    .or(() -> same.stream().filter(c -> !c.closesAt().isAfter(now))
                            .max(Comparator.comparing(Campaign::closesAt)))
                    .orElseGet(() -> same.stream().min(Comparator.comparing(Campaign::opensAt)).orElseThrow());
        }

        private void vote(Campaign campaign, Campaign.Option option, SmsContext context) {
            writes.vote(campaign.id(), context.phoneHash(), option.code(), context.inboundId());
        }

        private void comment(Campaign campaign, String text, SmsContext context) {
            writes.comment(campaign.id(), context.inboundId(), context.phoneHash(), text, digest(text));
        }
    }

    /** "yes" is the English label of the option: the listener wrote English, so the reply is in English. */
    static String languageOf(Campaign.Option option, String word, String fallback) {
        String normal = Words.normalise(word);
        return option.labels().entrySet().stream().filter(e -> Words.normalise(e.getValue()).equals(normal))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(fallback);
    }

    private String reply(Campaign campaign, String name, String language, Map<String, String> values) {
        Map<String, String> own = campaign.replies().get(name);
        if (own != null && own.containsKey(language)) {
            String text = own.get(language);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{" + value.getKey() + "}", value.getValue());
            }
            return text;
        }
        return texts.text(name, language, values);
    }

    private static Outcome outcome(String outcome, Campaign campaign, String reply) {
        return new Outcome(outcome, campaign.id(), Optional.of(reply));
    }

    /** Identical texts differ only in case, accents, punctuation and spacing. */
    static byte[] digest(String text) {
        String normal = String.join(" ", java.util.Arrays.stream(text.strip().split("\\s+"))
                .map(Words::normalise).filter(w -> !w.isEmpty()).toList());
        try {
            return MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
