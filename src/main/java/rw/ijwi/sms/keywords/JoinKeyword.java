package rw.ijwi.sms.keywords;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import rw.ijwi.geo.Geography;
import rw.ijwi.sms.AudienceDao;
import rw.ijwi.sms.SmsTexts;

/**
 * JOIN / INJIRA / ABONNER &lt;district&gt;: the one explicit consent to be contacted. Keeps the number encrypted for
 * updates of that district (a district name with one typo is understood) and lifts an earlier STOP.
 */
public final class JoinKeyword implements Keyword {

    private final Geography geography;
    private final SmsTexts texts;

    public JoinKeyword(Geography geography, SmsTexts texts) {
        this.geography = geography;
        this.texts = texts;
    }

    @Override
    public Map<String, List<String>> words() {
        return Map.of("en", List.of("JOIN"), "rw", List.of("INJIRA"), "fr", List.of("ABONNER", "REJOINDRE"));
    }

    @Override
    public Outcome handle(SmsContext context) {
        Optional<Geography.District> district = district(Words.firstAndRest(context.rest())[0]);
        if (district.isEmpty() || context.replyTo() == null) {
            return Outcome.of("join_unknown_district", texts.text("join_which", context.language(), Map.of()));
        }
        AudienceDao audience = context.dao(AudienceDao.class);
        audience.optIn(context.phoneHash());
        audience.subscribe(context.phoneHash(), district.get().id(), context.replyTo(), context.language(),
                InboundProcessor.utc(context.now()));
        return Outcome.of("join", texts.text("joined", context.language(),
                Map.of("district", district.get().name())));
    }

    /** The district named, exactly or with one typo; nothing when the word is empty or could be two districts. */
    Optional<Geography.District> district(String word) {
        String given = Words.normalise(word);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        List<Geography.District> near = geography.districts().stream()
                .filter(d -> Words.normalise(d.name()).equals(given)).toList();
        if (near.isEmpty()) {
            near = geography.districts().stream().filter(d -> Words.matches(given, Words.normalise(d.name()))).toList();
        }
        return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
    }
}
