package rw.ijwi;

import java.time.Clock;
import java.util.function.Predicate;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.audit.AuditLog;
import rw.ijwi.radio.CampaignApi;
import rw.ijwi.radio.CampaignDao;
import rw.ijwi.radio.CampaignPage;
import rw.ijwi.radio.LiveTally;
import rw.ijwi.web.Templates;

/** Radio campaigns: their API and pages, and the studio's live tally (votes arrive by SMS, see SmsFeature). */
public record RadioFeature(CampaignApi api, CampaignPage page, LiveTally live) {

    /** jdbi: a campaign and its options are created in one transaction. */
    static RadioFeature assemble(Clock clock, Jdbi jdbi, Predicate<String> reservedKeyword, AuditLog audit,
            Templates templates) {
        CampaignDao campaigns = jdbi.onDemand(CampaignDao.class);
        CampaignApi api = new CampaignApi(jdbi, reservedKeyword, clock);
        return new RadioFeature(api, new CampaignPage(api, campaigns, audit, templates, clock),
                new LiveTally(campaigns));
    }
}
