package rw.ijwi.privacy;

import java.time.LocalDate;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.config.Config;

/**
 * The record of processing activities an NGO files with NCSA (Rwanda law 058/2021, art. 17 and 29-32): what
 * Ijwi stores, why, for how long, who sees it, where it lives and how it is protected, with current counts.
 */
public final class ProcessingRecord {

    private final Jdbi jdbi;
    private final Config config;

    public ProcessingRecord(Jdbi jdbi, Config config) {
        this.jdbi = jdbi;
        this.config = config;
    }

    /** The record as Markdown, filled with this installation's settings and counts. */
    public String markdown(LocalDate today) {
        long reports = count("SELECT count(*) FROM report");
        long comments = count("SELECT count(*) FROM report WHERE comment IS NOT NULL");
        long inbound = count("SELECT count(*) FROM sms_inbound");
        long subscribers = count("SELECT count(*) FROM sms_subscriber");
        long users = count("SELECT count(*) FROM app_user WHERE NOT disabled");
        int days = config.retentionDays();
        String database = config.databaseUrl().map(u -> "external PostgreSQL (" + u.replaceAll("//[^/]*@", "//")
                .replaceAll("\\?.*", "") + ")").orElse("embedded PostgreSQL in " + config.dataDir().toAbsolutePath());
        return """
                # Record of processing activities: Ijwi

                Generated %s by `java -jar ijwi.jar privacy record`. Rwanda Law No 058/2021 on the protection of
                personal data and privacy, articles 17 and 29 to 32. The controller is the NGO running Ijwi; fill in its
                name, address and data protection officer before filing with NCSA.

                ## Purposes
                1. Collect anonymous reports of where gender-based-violence services fail people (USSD), to count them
                   and present aggregated evidence at district dialogues.
                2. Run radio polls and comments by SMS during and after talk shows.
                3. Send updates ("you said / we did") to people who asked for them by texting JOIN.
                4. Record what officials committed to, and report back.

                ## Categories of people and data
                | data | whose | stored as | why | kept for |
                |---|---|---|---|---|
                | phone number of a reporter or texter | anyone who dials or texts | keyed hash (HMAC-SHA256) only | let a reporter delete their report, remember their language, one vote per number, opt-outs | as long as the report or vote (the hash cannot be turned back into the number) |
                | phone number of a JOIN subscriber | people who texted JOIN | AES-256-GCM encrypted | send the updates they asked for | until STOP, or %d days after joining |
                | phone number of a texter awaiting a reply | people who texted | AES-256-GCM encrypted | send the one reply | until the reply is sent; at most %d days |
                | service-gap report: district, sector, service, gap, language, date | reporters (anonymous) | plain | counting, evidence for dialogues | indefinitely (aggregates) |
                | free-text comment of a report | reporters | plain, sensitive (may describe violence) | understanding, quotes only with consent and approval | %d days, then erased (counts kept) |
                | consent to be quoted | reporters | plain | only consented comments may be quoted | with the report |
                | SMS text | texters | plain | routing, poll answers, review | %d days, then erased |
                | dashboard users: username, role, districts, argon2id password hash | NGO staff | plain / hash | access control | until disabled |
                | audit log: who viewed free text, exported, signed in | NGO staff | plain, no free text | accountability | indefinitely |

                Names and identity numbers are never asked for. Children are pointed to the 116 helpline; no age is collected.

                ## Recipients
                - NGO coordinators: exact figures and free text of their own districts only.
                - Viewers, briefs, exports and the API for others: audited monthly releases of aggregates only,
                  counts 0 to %d shown as "<%d", with complementary suppression (docs/disclosure.md).
                - Africa's Talking (SMS/USSD provider): phone numbers and texts of messages in transit.
                - No transfer to other parties. Quotes leave the system only with the reporter's consent and a
                  coordinator's approval.

                ## Where the data is stored
                %s. Storage outside Rwanda needs NCSA authorisation (art. 50): host in Rwanda by default.

                ## Security measures
                Phone numbers hashed or encrypted under keys derived from one secret key kept outside the database;
                TLS in front of the service; webhook token on every provider callback; role-based access with
                sessions, CSRF protection and login throttling; no phone number or free text in any log line; SMS
                callbacks spooled to disk only sealed with AES-GCM; backups restored and checked nightly.

                ## Data subject rights
                A reporter deletes their report with the reference shown at the end of the session, from the same phone.
                Subscribers leave with STOP (HAGARIKA, ARRET), which deletes their number at once.

                ## Current volumes
                | | count |
                |---|---|
                | reports | %d |
                | reports with a comment still held | %d |
                | inbound SMS | %d |
                | JOIN subscribers (encrypted numbers) | %d |
                | active dashboard users | %d |
                """.formatted(today, days, days, days, days, config.suppressBelow() - 1, config.suppressBelow(), database,
                reports, comments, inbound, subscribers, users);
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
