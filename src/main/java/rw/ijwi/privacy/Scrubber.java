package rw.ijwi.privacy;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rw.ijwi.config.SafeErrors;

/**
 * Makes removed text leave the table files: an UPDATE that sets a comment to NULL leaves the old row version,
 * text and all, in the file until a VACUUM prunes it, so after a redaction or a retention purge the tables it
 * touched are vacuumed (outside a transaction, as VACUUM must be), and the write-ahead log moved past it.
 * README "Removed text" says what may remain, and where.
 */
public final class Scrubber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scrubber.class);
    /** The tables that hold free text or encrypted numbers; nothing else is ever named in the VACUUM. */
    public static final Set<String> TABLES = Set.of("report", "sms_inbound", "campaign_comment", "sms_outbox",
            "sms_subscriber");

    private final Jdbi jdbi;
    private volatile boolean toldOfWal;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ijwi-scrubber");
        thread.setDaemon(true);
        return thread;
    });

    public Scrubber(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Vacuums the tables now, on this thread; then ends the write-ahead log segment that recorded the text and
     * checkpoints past it, so PostgreSQL drops that segment (the embedded one deletes it: wal_recycle is off).
     */
    public void vacuum(String... tables) {
        for (String table : tables) {
            if (!TABLES.contains(table)) {
                throw new IllegalArgumentException("not a table that holds free text: " + table);
            }
        }
        jdbi.useHandle(h -> {
            for (String table : tables) {
                h.execute("VACUUM " + table);
            }
            try {
                h.execute("CHECKPOINT");
                h.createQuery("SELECT pg_switch_wal()").mapTo(String.class).one();
                h.execute("CHECKPOINT");
            } catch (StatementException e) {
                if (!(e.getCause() instanceof SQLException sql) || !"42501".equals(sql.getSQLState())) {
                    throw e;
                }
                if (!toldOfWal) {
                    toldOfWal = true;
                    LOG.info("removed text stays in PostgreSQL's write-ahead log until it is recycled: the database "
                            + "user may not CHECKPOINT or pg_switch_wal (README: Removed text)");
                }
            }
        });
    }

    /** The retention purge, then a VACUUM of the tables it changed; returns the rows it touched. */
    public RetentionDao.Purged purge(int days) {
        RetentionDao.Purged purged = jdbi.onDemand(RetentionDao.class).purge(days);
        if (purged.comments() > 0) {
            vacuum("report");
        }
        if (purged.smsTexts() + purged.replyAddresses() > 0) {
            vacuum("sms_inbound");
        }
        if (purged.campaignComments() > 0) {
            vacuum("campaign_comment");
        }
        if (purged.outboxNumbers() > 0) {
            vacuum("sms_outbox");
        }
        if (purged.subscribers() > 0) {
            vacuum("sms_subscriber");
        }
        return purged;
    }

    /**
     * Vacuums those of the tables that have removed rows waiting (a report its sender deleted, a STOP): run by
     * housekeeping, so such text leaves the files within the hour.
     */
    public void vacuumRemoved(String... tables) {
        String[] waiting = jdbi.withHandle(h -> h.createQuery("""
                SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(:tables) AND n_dead_tup > 0""")
                .bind("tables", tables).mapTo(String.class).list()).toArray(String[]::new);
        if (waiting.length > 0) {
            vacuum(waiting);
        }
    }

    /** Vacuums in the background (after a redaction, so the coordinator does not wait for it). */
    public void vacuumSoon(String table) {
        background.execute(() -> {
            try {
                vacuum(table);
            } catch (RuntimeException e) {
                LOG.warn("vacuum of {} after a redaction failed (autovacuum will prune it later): {}", table,
                        SafeErrors.describe(e));
            }
        });
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
