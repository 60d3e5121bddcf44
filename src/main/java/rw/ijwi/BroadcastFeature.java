package rw.ijwi;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import rw.ijwi.broadcast.BroadcastDao;
import rw.ijwi.broadcast.BroadcastPage;
import rw.ijwi.broadcast.Broadcasts;
import rw.ijwi.commitments.CommitmentDao;
import rw.ijwi.config.Config;
import rw.ijwi.geo.Geography;
import rw.ijwi.web.Templates;

/**
 * Broadcasts to JOIN subscribers: preview, confirm, progress. They leave through the SMS outbox; a confirmed
 * broadcast is queued in the background, and queueing one left unfinished by a restart resumes hourly.
 */
record BroadcastFeature(BroadcastPage page, Broadcasts broadcasts) {

    /** jdbi: a broadcast and its outbox rows are queued in one transaction; queued wakes the outbox. */
    static BroadcastFeature assemble(Config config, Clock clock, Jdbi jdbi, CommitmentDao commitments,
            Geography geography, Templates templates, Runnable queued, boolean canSend) {
        Broadcasts broadcasts = new Broadcasts(jdbi, geography, templates.messages(), config.smsPrice(), clock,
                queued);
        return new BroadcastFeature(new BroadcastPage(broadcasts, jdbi.onDemand(BroadcastDao.class), commitments,
                geography, templates, canSend), broadcasts);
    }
}
