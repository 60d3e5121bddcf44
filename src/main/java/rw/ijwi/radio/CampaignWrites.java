package rw.ijwi.radio;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;

/**
 * What a batch of inbound SMS did to the campaigns (votes, comments, bursts of one text), noted message by message
 * and written when the batch ends: one statement for the votes, one for the comments and one for the bursts, in
 * the batch's transaction, instead of a Jdbi call or three per message (a vote's call was the router's largest
 * cost on a radio night). The same rows as writing each message's at once: a number's later vote in the batch
 * replaces its earlier one, and a burst is counted over the comments of the last BURST_WINDOW with the batch's
 * own included. Not thread-safe, as its handle is not.
 */
final class CampaignWrites {

    private record Voter(long campaign, ByteBuffer phoneHash) {
    }

    private record Vote(long campaign, byte[] phoneHash, String code, long inboundId) {
    }

    private record Comment(long campaign, long inboundId, byte[] phoneHash, String text, byte[] digest) {
    }

    private record Text(long campaign, ByteBuffer digest) {
    }

    private final Handle handle;
    private final Map<Voter, Vote> votes = new LinkedHashMap<>();
    private final List<Comment> comments = new ArrayList<>();

    CampaignWrites(Handle handle) {
        this.handle = handle;
    }

    /** Messages come in the order of their ids, so a later vote of the same number replaces the earlier one. */
    void vote(long campaign, byte[] phoneHash, String code, long inboundId) {
        votes.put(new Voter(campaign, ByteBuffer.wrap(phoneHash)), new Vote(campaign, phoneHash, code, inboundId));
    }

    void comment(long campaign, long inboundId, byte[] phoneHash, String text, byte[] digest) {
        comments.add(new Comment(campaign, inboundId, phoneHash, text, digest));
    }

    /** Writes what was noted, then forgets it; does nothing when nothing was. */
    void write(OffsetDateTime now, OffsetDateTime burstSince, int burstNumbers) {
        try {
            Connection c = handle.getConnection();
            if (!votes.isEmpty()) {
                writeVotes(c, now);
            }
            if (!comments.isEmpty()) {
                writeComments(c, now);
                flagBursts(c, now, burstSince, burstNumbers);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing a batch's votes and comments failed", e);
        }
        votes.clear();
        comments.clear();
    }

    /** One vote per number per campaign; a later message (higher inbound id) replaces an earlier one. */
    private void writeVotes(Connection c, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO campaign_vote (campaign_id, phone_hash, option_code, inbound_id, voted_at)
                SELECT v.campaign, v.hash, v.code, v.inbound, ? FROM unnest(?, ?, ?, ?) AS v(campaign, hash, code, inbound)
                ON CONFLICT (campaign_id, phone_hash) DO UPDATE
                    SET option_code = excluded.option_code, inbound_id = excluded.inbound_id, voted_at = excluded.voted_at
                    WHERE campaign_vote.inbound_id < excluded.inbound_id""")) {
            List<Vote> all = List.copyOf(votes.values());
            insert.setObject(1, now);
            insert.setArray(2, c.createArrayOf("bigint", all.stream().map(Vote::campaign).toArray(Long[]::new)));
            insert.setArray(3, c.createArrayOf("bytea", all.stream().map(Vote::phoneHash).toArray(byte[][]::new)));
            insert.setArray(4, c.createArrayOf("text", all.stream().map(Vote::code).toArray(String[]::new)));
            insert.setArray(5, c.createArrayOf("bigint", all.stream().map(Vote::inboundId).toArray(Long[]::new)));
            insert.executeUpdate();
        }
    }

    private void writeComments(Connection c, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO campaign_comment (campaign_id, inbound_id, phone_hash, text, digest, received_at)
                SELECT m.campaign, m.inbound, m.hash, m.text, m.digest, ?
                FROM unnest(?, ?, ?, ?, ?) AS m(campaign, inbound, hash, text, digest)
                ON CONFLICT (inbound_id) DO NOTHING""")) {
            insert.setObject(1, now);
            insert.setArray(2, c.createArrayOf("bigint", comments.stream().map(Comment::campaign).toArray(Long[]::new)));
            insert.setArray(3, c.createArrayOf("bigint", comments.stream().map(Comment::inboundId).toArray(Long[]::new)));
            insert.setArray(4, c.createArrayOf("bytea", comments.stream().map(Comment::phoneHash).toArray(byte[][]::new)));
            insert.setArray(5, c.createArrayOf("text", comments.stream().map(Comment::text).toArray(String[]::new)));
            insert.setArray(6, c.createArrayOf("bytea", comments.stream().map(Comment::digest).toArray(byte[][]::new)));
            insert.executeUpdate();
        }
    }

    /**
     * Identical comments (same digest) from at least burstNumbers numbers since burstSince are flagged on their
     * campaign, with the largest count seen; one statement for every text the batch commented.
     */
    private void flagBursts(Connection c, OffsetDateTime now, OffsetDateTime since, int numbers) throws SQLException {
        Set<Text> texts = new LinkedHashSet<>();
        comments.forEach(m -> texts.add(new Text(m.campaign(), ByteBuffer.wrap(m.digest()))));
        try (PreparedStatement flag = c.prepareStatement("""
                INSERT INTO campaign_burst (campaign_id, digest, numbers, first_at, last_at)
                SELECT cc.campaign_id, cc.digest, count(DISTINCT cc.phone_hash), ?, ?
                FROM unnest(?, ?) AS t(campaign, digest)
                JOIN campaign_comment cc ON cc.campaign_id = t.campaign AND cc.digest = t.digest AND cc.received_at > ?
                GROUP BY cc.campaign_id, cc.digest HAVING count(DISTINCT cc.phone_hash) >= ?
                ON CONFLICT (campaign_id, digest) DO UPDATE
                    SET numbers = greatest(campaign_burst.numbers, excluded.numbers), last_at = excluded.last_at""")) {
            flag.setObject(1, now);
            flag.setObject(2, now);
            flag.setArray(3, c.createArrayOf("bigint", texts.stream().map(Text::campaign).toArray(Long[]::new)));
            flag.setArray(4, c.createArrayOf("bytea", texts.stream().map(t -> t.digest().array()).toArray(byte[][]::new)));
            flag.setObject(5, since);
            flag.setInt(6, numbers);
            flag.executeUpdate();
        }
    }
}
