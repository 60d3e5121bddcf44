package rw.ijwi.sms.keywords;

import java.util.List;
import java.util.Map;

import rw.ijwi.sms.AudienceDao;

/** STOP / HAGARIKA / ARRET: no SMS to this number ever again, and its stored number deleted. No reply is sent. */
public final class StopKeyword implements Keyword {

    @Override
    public Map<String, List<String>> words() {
        return Map.of("en", List.of("STOP"), "rw", List.of("HAGARIKA"), "fr", List.of("ARRET", "ARRETER"));
    }

    @Override
    public Outcome handle(SmsContext context) {
        context.dao(AudienceDao.class).stopAll(context.phoneHash(), "keyword", InboundProcessor.utc(context.now()));
        return Outcome.silent("stop");
    }
}
