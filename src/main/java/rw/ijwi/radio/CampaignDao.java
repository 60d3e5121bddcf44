package rw.ijwi.radio;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Campaigns with their options, and what listeners sent them (votes, comments, bursts; written by CampaignWrites). */
public interface CampaignDao {

    ObjectMapper JSON = new ObjectMapper();

    record CampaignRow(long id, String name, String station, String show, String keyword, String questionRw,
            String questionEn, String questionFr, String replies, OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    record OptionRow(long campaignId, String code, String labelRw, String labelEn, String labelFr, String aliases) {
    }

    record OptionCountRow(String code, long count) {
    }

    /** The same text from many numbers within seconds, as flagged. */
    record Burst(long numbers, OffsetDateTime firstAt, OffsetDateTime lastAt) {
    }

    @SqlUpdate("""
            INSERT INTO campaign (name, station, show, keyword, question_rw, question_en, question_fr, replies,
                                  opens_at, closes_at, created_at)
            VALUES (:name, :station, :show, :keyword, :rw, :en, :fr, CAST(:replies AS jsonb), :opens, :closes, :now)""")
    @GetGeneratedKeys("id")
    long insertCampaign(@Bind("name") String name, @Bind("station") String station, @Bind("show") String show,
            @Bind("keyword") String keyword, @Bind("rw") String questionRw, @Bind("en") String questionEn,
            @Bind("fr") String questionFr, @Bind("replies") String repliesJson, @Bind("opens") OffsetDateTime opensAt,
            @Bind("closes") OffsetDateTime closesAt, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            INSERT INTO campaign_option (campaign_id, code, position, label_rw, label_en, label_fr, aliases)
            VALUES (:campaign, :code, :position, :rw, :en, :fr, string_to_array(:aliases, ' '))""")
    void insertOption(@Bind("campaign") long campaignId, @Bind("code") String code, @Bind("position") int position,
            @Bind("rw") String labelRw, @Bind("en") String labelEn, @Bind("fr") String labelFr,
            @Bind("aliases") String spaceSeparatedAliases);

    /** True when another campaign with this keyword overlaps the window. */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM campaign WHERE keyword = :keyword AND opens_at < :closes AND closes_at > :opens)""")
    boolean keywordTaken(@Bind("keyword") String keyword, @Bind("opens") OffsetDateTime opensAt,
            @Bind("closes") OffsetDateTime closesAt);

    @SqlQuery("""
            SELECT id, name, station, show, keyword, question_rw, question_en, question_fr, replies::text AS replies,
                   opens_at, closes_at
            FROM campaign WHERE closes_at > :since ORDER BY opens_at, id""")
    @RegisterConstructorMapper(CampaignRow.class)
    List<CampaignRow> campaignRowsClosingAfter(@Bind("since") OffsetDateTime since);

    @SqlQuery("""
            SELECT id, name, station, show, keyword, question_rw, question_en, question_fr, replies::text AS replies,
                   opens_at, closes_at
            FROM campaign WHERE id = :id""")
    @RegisterConstructorMapper(CampaignRow.class)
    Optional<CampaignRow> campaignRow(@Bind("id") long id);

    @SqlQuery("""
            SELECT campaign_id, code, label_rw, label_en, label_fr, array_to_string(aliases, ' ') AS aliases
            FROM campaign_option WHERE campaign_id IN (SELECT id FROM campaign WHERE closes_at > :since)
            ORDER BY campaign_id, position""")
    @RegisterConstructorMapper(OptionRow.class)
    List<OptionRow> optionRowsClosingAfter(@Bind("since") OffsetDateTime since);

    @SqlQuery("""
            SELECT campaign_id, code, label_rw, label_en, label_fr, array_to_string(aliases, ' ') AS aliases
            FROM campaign_option WHERE campaign_id = :id ORDER BY position""")
    @RegisterConstructorMapper(OptionRow.class)
    List<OptionRow> optionRows(@Bind("id") long campaignId);

    @SqlQuery("""
            SELECT id, name, station, show, keyword, question_rw, question_en, question_fr, replies::text AS replies,
                   opens_at, closes_at
            FROM campaign ORDER BY opens_at DESC, id DESC LIMIT :limit""")
    @RegisterConstructorMapper(CampaignRow.class)
    List<CampaignRow> latestRows(@Bind("limit") int limit);

    @SqlQuery("""
            SELECT numbers, first_at, last_at FROM campaign_burst WHERE campaign_id = :campaign
            ORDER BY last_at DESC LIMIT 50""")
    @RegisterConstructorMapper(Burst.class)
    List<Burst> burstList(@Bind("campaign") long campaignId);

    @SqlQuery("SELECT count(*) FROM campaign_burst WHERE campaign_id = :campaign")
    long bursts(@Bind("campaign") long campaignId);

    @SqlQuery("""
            SELECT o.code, count(v.phone_hash) AS count
            FROM campaign_option o
            LEFT JOIN campaign_vote v ON v.campaign_id = o.campaign_id AND v.option_code = o.code
            WHERE o.campaign_id = :campaign GROUP BY o.code, o.position ORDER BY o.position""")
    @RegisterConstructorMapper(OptionCountRow.class)
    List<OptionCountRow> optionCounts(@Bind("campaign") long campaignId);

    @SqlQuery("SELECT count(*) FROM campaign_comment WHERE campaign_id = :campaign")
    long comments(@Bind("campaign") long campaignId);

    @Transaction
    default Tally tally(long campaignId) {
        List<Tally.OptionCount> options = optionCounts(campaignId).stream()
                .map(r -> new Tally.OptionCount(r.code(), r.count())).toList();
        return new Tally(options.stream().mapToLong(Tally.OptionCount::count).sum(), options, comments(campaignId));
    }

    default Optional<Campaign> find(long id) {
        return campaignRow(id).map(row -> assemble(row, optionRows(id)));
    }

    /** Campaigns still open, upcoming, or closed since the given time, with their options. */
    default List<Campaign> closingAfter(OffsetDateTime since) {
        List<CampaignRow> rows = campaignRowsClosingAfter(since);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OptionRow>> options = new LinkedHashMap<>();
        optionRowsClosingAfter(since).forEach(o -> options.computeIfAbsent(o.campaignId(), k -> new ArrayList<>()).add(o));
        return rows.stream().map(r -> assemble(r, options.getOrDefault(r.id(), List.of()))).toList();
    }

    /** rw, en, fr in that order, as the API shows them. */
    private static Map<String, String> languages(String rw, String en, String fr) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("rw", rw);
        texts.put("en", en);
        texts.put("fr", fr);
        return java.util.Collections.unmodifiableMap(texts);
    }

    private static Campaign assemble(CampaignRow row, List<OptionRow> options) {
        Map<String, Map<String, String>> replies;
        try {
            replies = JSON.readValue(row.replies(), new TypeReference<Map<String, Map<String, String>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + row.id() + " has unreadable replies", e);
        }
        return new Campaign(row.id(), row.name(), row.station(), row.show(), row.keyword(),
                languages(row.questionRw(), row.questionEn(), row.questionFr()),
                options.stream().map(o -> new Campaign.Option(o.code(), languages(o.labelRw(), o.labelEn(), o.labelFr()),
                        o.aliases().isEmpty() ? List.of() : Arrays.asList(o.aliases().split(" ")))).toList(),
                replies, row.opensAt().toInstant(), row.closesAt().toInstant());
    }
}
