package rw.ijwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import rw.ijwi.testing.Campaigns;
import rw.ijwi.testing.FakeAt;
import rw.ijwi.testing.TestApp;
import rw.ijwi.testing.TestClock;
import rw.ijwi.testing.TestDatabase;
import rw.ijwi.testing.Texting;

/** No phone number and no free text in any log line: the whole log of real USSD and SMS flows is searched. */
class LogPrivacyTest {

    private static final String PHONE = "+250788555123";
    private static final String COMMENT = "Umupolisi yansabye 5000 ngo yakire ikirego cyanjye";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void a_full_session_logs_neither_the_phone_number_nor_the_comment() {
        try (TestApp app = new TestApp()) {
            fileReport(app, "private-1");
            app.restart();
            app.ussd("private-1", PHONE, "1*1*28*1*1*3*" + COMMENT + "*2*1");
        }
        assertThat(log()).contains("Ijwi is serving").isNotEmpty();
        assertNothingPersonal();
    }

    @Test
    void a_failing_database_write_logs_what_failed_but_not_the_values() {
        try (TestApp app = new TestApp()) {
            app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE report RENAME TO report_elsewhere"));
            String last = fileReport(app, "private-2");
            assertThat(last).startsWith("END ").contains("112");
        }
        assertThat(log()).contains("USSD hop failed");
        assertNothingPersonal();
    }

    @Test
    void sms_flows_log_neither_numbers_nor_texts_even_when_sending_fails() throws Exception {
        String sms = "Umupolisi yansabye amafaranga";
        try (FakeAt at = new FakeAt(); TestApp app = new TestApp(TestDatabase.fresh(), at.env(),
                new TestClock(java.time.Instant.parse("2026-12-01T17:30:00Z")), false)) {
            Campaigns.create(app, "RADIO", "2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z");
            at.statusFor(PHONE, 406);
            Texting.text(app, PHONE, "RADIO " + sms);
            Texting.text(app, "+250788555124", "JOIN Rusizi");
            Texting.text(app, "+250788555125", sms);
            app.app().sms().inbound().processAvailable();
            app.app().sms().outbox().sendDue();
            app.post("/at/sms?token=" + TestApp.TOKEN, java.util.Map.of("id", "x", "from", PHONE, "text",
                    sms + "\u0000"));
            app.post("/at/sms/optout?token=" + TestApp.TOKEN, java.util.Map.of("phoneNumber", "+250788555124"));
            app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE sms_outbox RENAME TO sms_outbox_elsewhere"));
            Texting.text(app, "+250788555126", "HELP " + sms);
            app.app().sms().inbound().processAvailable();
        }
        assertThat(log()).contains("inbound SMS").contains("marked as error");
        assertNothingPersonal();
        assertThat(log()).doesNotContain("555124").doesNotContain("555125").doesNotContain("555126")
                .doesNotContain("amafaranga").doesNotContain("Rusizi");
    }

    private static String fileReport(TestApp app, String session) {
        String text = "";
        String reply = app.ussd(session, PHONE, text);
        for (String input : List.of("1", "1", "28", "1", "1", "3", COMMENT, "2", "1")) {
            text = text.isEmpty() ? input : text + "*" + input;
            reply = app.ussd(session, PHONE, text);
        }
        return reply;
    }

    private String log() {
        return captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    private void assertNothingPersonal() {
        String log = log();
        assertThat(log).doesNotContain("788555123").doesNotContain("yansabye").doesNotContain(COMMENT);
    }
}
