package rw.ijwi.sms.keywords;

import java.util.List;
import java.util.Map;

import rw.ijwi.sms.SmsTexts;

/** HELP / UBUFASHA / AIDE: a short neutral explanation of the keywords, in the language asked in. */
public final class HelpKeyword implements Keyword {

    private final SmsTexts texts;

    public HelpKeyword(SmsTexts texts) {
        this.texts = texts;
    }

    @Override
    public Map<String, List<String>> words() {
        return Map.of("en", List.of("HELP"), "rw", List.of("UBUFASHA"), "fr", List.of("AIDE"));
    }

    @Override
    public Outcome handle(SmsContext context) {
        return Outcome.of("help", texts.text("help", context.language(), Map.of()));
    }
}
