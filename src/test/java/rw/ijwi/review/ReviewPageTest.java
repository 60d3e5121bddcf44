package rw.ijwi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import rw.ijwi.auth.Role;
import rw.ijwi.testing.Staff;
import rw.ijwi.testing.TestApp;

/** Free-text review: own districts only, every view audited without the text, coding, quoting, redaction. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageTest {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final TestApp app = new TestApp();
    private final Staff rusizi = Staff.signIn(app, Role.COORDINATOR, "Rusizi");
    private final Staff huye = Staff.signIn(app, Role.COORDINATOR, "Huye");

    @AfterAll
    void stop() {
        app.close();
    }

    /** Files a report in Rusizi (Bugarama) through the USSD webhook; quote 1 = yes, 2 = no. Returns its id. */
    long fileInRusizi(String comment, boolean quote) {
        String session = "review-" + SESSIONS.incrementAndGet();
        String reply = app.ussd(session, "+25078800" + String.format("%04d", SESSIONS.get()),
                "1*1*28*1*1*3*" + comment + "*" + (quote ? "1" : "2") + "*1");
        assertThat(reply).startsWith("END ");
        return app.database().count("SELECT id FROM report WHERE session_id = '" + session + "'");
    }

    long insertInHuye(String comment) {
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment, quote_consent)
                SELECT lpad((100000 + floor(random() * 899999))::text, 6, '0'), 'ussd', '\\x01', id, 'health',
                       'asked_to_pay', 'rw', ?, true FROM district WHERE name = 'Huye'""", comment));
        return app.database().count("SELECT max(id) FROM report");
    }

    @Test
    void a_coordinator_sees_only_their_districts_comments_and_never_another_districts() {
        long mine = fileInRusizi("Police station closed at night", false);
        long theirs = insertInHuye("Secret words from Huye");
        String page = rusizi.get("/review?reviewed=all").body();
        assertThat(page).contains("Police station closed at night").doesNotContain("Secret words from Huye");
        assertThat(rusizi.get("/review?district=Huye").statusCode()).isEqualTo(403);
        assertThat(rusizi.post("/review/" + theirs, Map.of("codes", "cost")).statusCode()).isEqualTo(404);
        assertThat(rusizi.post("/review/" + theirs + "/redact", Map.of()).statusCode()).isEqualTo(404);
        assertThat(huye.get("/review").body()).contains("Secret words from Huye").doesNotContain("Police station closed");
        assertThat(huye.post("/review/" + mine + "/redact", Map.of()).statusCode()).isEqualTo(404);
        assertThat(app.database().value("SELECT comment FROM report WHERE id = " + theirs)).isEqualTo("Secret words from Huye");
        assertThat(Staff.signIn(app, Role.VIEWER).get("/review").statusCode()).isEqualTo(403);
    }

    @Test
    void every_view_of_free_text_is_audited_with_who_and_where_but_never_the_text() {
        fileInRusizi("Nobody answered the phone", false);
        long before = app.database().count("SELECT count(*) FROM audit_log WHERE action = 'free_text_viewed'");
        rusizi.get("/review");
        rusizi.get("/review?district=Rusizi&reviewed=all");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'free_text_viewed'"))
                .isEqualTo(before + 2);
        assertThat(app.database().value("SELECT detail FROM audit_log WHERE action = 'free_text_viewed' AND username = '"
                + rusizi.username() + "' ORDER BY id DESC LIMIT 1").toString())
                .startsWith("page=/review district=Rusizi reviewed=all shown=");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE detail LIKE '%Nobody answered%'")).isZero();
    }

    @Test
    void a_comment_is_coded_and_approved_as_a_quote_only_with_consent() {
        long consented = fileInRusizi("They asked me for money", true);
        long refused = fileInRusizi("Do not quote me please", false);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("codes", "cost");
        form.put("quotable", "yes");
        assertThat(rusizi.post("/review/" + consented, form).statusCode()).isEqualTo(303);
        assertThat(app.database().value("SELECT array_to_string(codes, ',') || ' ' || quote_approved || ' ' || reviewed_by "
                + "FROM report WHERE id = " + consented)).isEqualTo("cost true " + rusizi.username());
        HttpResponse<String> refusedQuote = rusizi.post("/review/" + refused, form);
        assertThat(refusedQuote.statusCode()).isEqualTo(400);
        assertThat(refusedQuote.body()).contains("did not agree to be quoted");
        assertThat(app.database().value("SELECT quote_approved FROM report WHERE id = " + refused)).isEqualTo(false);
        assertThat(rusizi.post("/review/" + refused, Map.of("codes", "no_such_code")).statusCode()).isEqualTo(400);
        assertThat(rusizi.get("/review?reviewed=no").body()).contains("Do not quote me please")
                .doesNotContain("They asked me for money");
    }

    @Test
    void a_redacted_comment_loses_its_text_for_good_but_the_report_still_counts() {
        long id = fileInRusizi("My neighbour Jean did it", true);
        long reports = app.database().count("SELECT count(*) FROM report");
        assertThat(rusizi.post("/review/" + id + "/redact", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.database().value("SELECT comment FROM report WHERE id = " + id)).isNull();
        assertThat(app.database().count("SELECT count(*) FROM report")).isEqualTo(reports);
        String page = rusizi.get("/review?reviewed=yes").body();
        assertThat(page).doesNotContain("My neighbour Jean").contains("Text removed (redacted)");
        assertThat(app.database().count("SELECT count(*) FROM audit_log WHERE action = 'comment_redacted' AND detail = 'id="
                + id + " district=Rusizi'")).isEqualTo(1);
    }

    @Test
    void a_hostile_comment_filed_on_ussd_shows_as_text() {
        fileInRusizi("<script>alert(1)</script>", false);
        String page = rusizi.get("/review").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void another_districts_comment_answers_exactly_as_one_that_is_not_there() {
        long theirs = insertInHuye("Where is this one");
        long missing = app.database().count("SELECT max(id) FROM report") + 1000;
        for (String action : new String[] {"", "/redact"}) {
            HttpResponse<String> notYours = rusizi.post("/review/" + theirs + action, Map.of("codes", "cost"));
            HttpResponse<String> notThere = rusizi.post("/review/" + missing + action, Map.of("codes", "cost"));
            assertThat(notYours.statusCode()).isEqualTo(404).isEqualTo(notThere.statusCode());
            // The id as a whole word only: the page's random CSRF token may hold the same digits.
            assertThat(notYours.body().replaceAll("(?<![\\w-])" + theirs + "(?![\\w-])", "ID"))
                    .isEqualTo(notThere.body().replaceAll("(?<![\\w-])" + missing + "(?![\\w-])", "ID"))
                    .doesNotContain("Huye");
        }
        Map<String, String> bulk = new LinkedHashMap<>();
        bulk.put("code", "cost");
        bulk.put("ids", String.valueOf(theirs));
        HttpResponse<String> bulkNotYours = rusizi.post("/review", bulk);
        bulk.put("ids", String.valueOf(missing));
        HttpResponse<String> bulkNotThere = rusizi.post("/review", bulk);
        assertThat(bulkNotYours.statusCode()).isEqualTo(404).isEqualTo(bulkNotThere.statusCode());
        assertThat(bulkNotYours.body()).isEqualTo(bulkNotThere.body());
        assertThat(app.database().value("SELECT reviewed_at FROM report WHERE id = " + theirs)).isNull();
    }

    @Test
    void many_comments_are_coded_at_once_and_the_page_confirms_the_save() {
        long first = fileInRusizi("The nurse was not there", false);
        long second = fileInRusizi("Nobody came to the clinic", false);
        long kept = fileInRusizi("Not chosen this time", false);
        rusizi.post("/review/" + first, Map.of("codes", "delay"));
        HttpResponse<String> saved = rusizi.postForm("/review", List.of(Map.entry("code", "cost"),
                Map.entry("ids", String.valueOf(first)), Map.entry("ids", String.valueOf(second)),
                Map.entry("district", "Rusizi"), Map.entry("reviewed", "no")));
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/review?district=Rusizi&reviewed=no").contains("saved=2").contains("code=cost");
        assertThat(app.database().value("SELECT array_to_string(codes, ',') FROM report WHERE id = " + first))
                .isEqualTo("delay,cost");
        assertThat(app.database().value("SELECT array_to_string(codes, ',') || ' ' || (reviewed_at IS NOT NULL) "
                + "FROM report WHERE id = " + second)).isEqualTo("cost true");
        assertThat(app.database().value("SELECT reviewed_at FROM report WHERE id = " + kept)).isNull();
        String page = rusizi.get(location).body();
        assertThat(page).contains("id=\"saved\"").contains("Saved: 2 comments coded as");
        assertThat(page).contains("Not chosen this time").doesNotContain("Nobody came to the clinic");
        assertThat(rusizi.post("/review", Map.of("code", "cost")).statusCode()).isEqualTo(400);
        assertThat(rusizi.post("/review", Map.of("code", "no_such_code", "ids", String.valueOf(kept))).statusCode())
                .isEqualTo(400);
        assertThat(rusizi.post("/review", Map.of("code", "cost", "ids", "abc")).statusCode()).isEqualTo(400);
        assertThat(rusizi.get("/review?page=0").statusCode()).isEqualTo(400);
        assertThat(rusizi.get("/review?saved=x").statusCode()).isEqualTo(400);
    }

    @Test
    void a_long_list_pages_fifty_at_a_time_forward_and_back_keeping_its_filters() {
        app.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO report (ref, channel, phone_hash, district_id, service, gap, language, comment, created_at)
                SELECT (200000 + n)::text, 'ussd', '\\x02', d.id, 'police', 'no_response', 'en', 'Paged comment ' || n,
                       now() - n * interval '1 minute'
                FROM generate_series(1, 105) n, district d WHERE d.name = 'Nyamasheke'"""));
        Staff admin = Staff.signIn(app, Role.ADMIN);
        String first = admin.get("/review?district=Nyamasheke&reviewed=all").body();
        assertThat(first.split("class=\"card comment\"", -1)).hasSize(51);
        assertThat(first).contains("Paged comment 1<").contains("Paged comment 50<").doesNotContain("Paged comment 51<")
                .contains("Page 1 of 3 (105 comments)").doesNotContain("id=\"newer\"");
        String second = admin.get(link(first, "older")).body();
        assertThat(second).contains("Paged comment 51<").contains("Paged comment 100<").doesNotContain("Paged comment 50<")
                .contains("Page 2 of 3");
        assertThat(link(second, "older")).isEqualTo("/review?district=Nyamasheke&reviewed=all&page=3");
        String third = admin.get(link(second, "older")).body();
        assertThat(third).contains("Paged comment 105<").doesNotContain("id=\"older\"");
        assertThat(link(third, "newer")).isEqualTo("/review?district=Nyamasheke&reviewed=all&page=2");
    }

    private static String link(String page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/review[^\"]+)\" id=\"" + id + "\"")
                .matcher(page);
        assertThat(m.find()).as("link #" + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
