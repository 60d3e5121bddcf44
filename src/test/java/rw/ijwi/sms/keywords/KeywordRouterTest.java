package rw.ijwi.sms.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.geo.Geography;
import rw.ijwi.sms.SmsTexts;
import rw.ijwi.config.MenuSource;

/** Where a text goes, in Kinyarwanda, English and French, spelled right and with one typo. */
class KeywordRouterTest {

    static final SmsTexts TEXTS = SmsTexts.load(MenuSource.directory(java.nio.file.Path.of("menus")));
    static final Keyword STOP = new StopKeyword();
    static final Keyword JOIN = new JoinKeyword(Geography.fromPackagedCsv(), TEXTS);
    static final Keyword HELP = new HelpKeyword(TEXTS);
    static final KeywordRouter ROUTER = new KeywordRouter(List.of(STOP, JOIN, HELP));
    static final Set<String> CAMPAIGNS = Set.of("RADIO", "TV");

    /** A text and where it must go: a keyword (with language and rest), a campaign, a bare word or the inbox. */
    record Case(String label, String text, String expect) {
        @Override
        public String toString() {
            return label + ": \"" + text + "\"";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("English stop", "STOP", "stop en"),
                new Case("English stop lower case", "stop", "stop en"),
                new Case("English stop with words after", "Stop please", "stop en please"),
                new Case("English stop with punctuation", "STOP.", "stop en"),
                new Case("English stop letters swapped", "STPO", "stop en"),
                new Case("English stop first letters swapped", "TSOP", "stop en"),
                new Case("English stop letter missing", "STP", "stop en"),
                new Case("English stop letter extra", "STOPP", "stop en"),
                new Case("English stop letter wrong", "STIP", "stop en"),
                new Case("English stop two typos is no keyword", "SPTP", "bare SPTP"),
                new Case("Kinyarwanda stop", "Hagarika", "stop rw"),
                new Case("Kinyarwanda stop r for l", "HAGALIKA", "stop rw"),
                new Case("Kinyarwanda stop letter missing", "hagrika", "stop rw"),
                new Case("French stop with accent", "Arr\u00EAt", "stop fr"),
                new Case("French stop letter missing", "ARET", "stop fr"),
                new Case("French stop long form", "arreter", "stop fr"),
                new Case("English join", "JOIN Rusizi", "join en Rusizi"),
                new Case("English join letters swapped", "JION rusizi", "join en rusizi"),
                new Case("Kinyarwanda join", "injira Huye", "join rw Huye"),
                new Case("Kinyarwanda join letter missing", "INJRA Huye", "join rw Huye"),
                new Case("French join", "Abonner Nyamasheke", "join fr Nyamasheke"),
                new Case("French join letter missing", "abonne rusizi", "join fr rusizi"),
                new Case("French join other word", "Rejoindre Rusizi", "join fr Rusizi"),
                new Case("English help", "help", "help en"),
                new Case("English help letters swapped", "HEPL", "help en"),
                new Case("Kinyarwanda help", "UBUFASHA", "help rw"),
                new Case("Kinyarwanda help letter missing", "ubufasa", "help rw"),
                new Case("French help", "Aide", "help fr"),
                new Case("French help accented", "Aid\u00E9", "help fr"),
                new Case("French help letter extra", "AIDER", "help fr"),
                new Case("Campaign keyword and option", "RADIO A", "campaign RADIO A"),
                new Case("Campaign keyword lower case with comment", "radio abapolisi ntibaza", "campaign RADIO abapolisi ntibaza"),
                new Case("Campaign keyword letter wrong", "RADYO 1", "campaign RADIO 1"),
                new Case("Campaign keyword digit for letter", "RADI0 B", "campaign RADIO B"),
                new Case("Campaign keyword alone", "Radio", "campaign RADIO"),
                new Case("Short campaign keyword exact", "tv yes", "campaign TV yes"),
                new Case("Short campaign keyword typo not forgiven", "TB yes", "inbox"),
                new Case("Bare option", "A", "bare A"),
                new Case("Bare Kinyarwanda yes", "Yego", "bare YEGO"),
                new Case("Bare French yes with accent and dot", "Oui.", "bare OUI"),
                new Case("Keyword not first", "please STOP", "inbox"),
                new Case("Unknown words", "Muraho neza", "inbox"),
                new Case("Empty", "", "inbox"),
                new Case("Only spaces", "   ", "inbox"),
                new Case("Emoji", "\uD83D\uDE00", "inbox"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void text_goes_where_it_should(Case c) {
        assertThat(describe(ROUTER.route(c.text(), CAMPAIGNS))).isEqualTo(c.expect());
    }

    @Test
    void a_typo_that_could_mean_two_campaigns_means_nothing_but_an_exact_word_still_wins() {
        Set<String> two = Set.of("RADIO", "RADIA");
        assertThat(describe(ROUTER.route("RADIE A", two))).isEqualTo("inbox");
        assertThat(describe(ROUTER.route("RADIA A", two))).isEqualTo("campaign RADIA A");
    }

    @Test
    void campaign_keywords_may_not_be_or_be_one_letter_from_a_wired_keyword() {
        assertThat(ROUTER.reserved("step")).isTrue();
        assertThat(ROUTER.reserved("AIDES")).isTrue();
        assertThat(ROUTER.reserved("Injira")).isTrue();
        assertThat(ROUTER.reserved("RADIO")).isFalse();
    }

    @Test
    void a_district_name_is_understood_with_one_typo_and_not_when_it_could_be_two() {
        JoinKeyword join = (JoinKeyword) JOIN;
        assertThat(join.district("Rusisi")).map(Geography.District::name).contains("Rusizi");
        assertThat(join.district("nyamashke")).map(Geography.District::name).contains("Nyamasheke");
        assertThat(join.district("HUYE")).map(Geography.District::name).contains("Huye");
        assertThat(join.district("Kigali")).isEmpty();
        assertThat(join.district("")).isEmpty();
    }

    private static String describe(KeywordRouter.Route route) {
        if (route instanceof KeywordRouter.ToKeyword k) {
            String name = k.keyword() == STOP ? "stop" : k.keyword() == JOIN ? "join" : "help";
            return (name + " " + k.language() + " " + k.rest()).strip();
        }
        if (route instanceof KeywordRouter.ToCampaign c) {
            return ("campaign " + c.keyword() + " " + c.rest()).strip();
        }
        if (route instanceof KeywordRouter.BareWord b) {
            return "bare " + b.word();
        }
        return "inbox";
    }
}
