package rw.ijwi.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.Counts;
import rw.ijwi.feedback.Dimension;
import rw.ijwi.feedback.Period;

/**
 * Monthly releases: computed from the month's counts once it has ended (chosen and audited by {@link Protector}
 * against the public and every coordinator's districts), stored, and from then on read, never recomputed. A report
 * deleted after its month was released changes exact views and nothing published: a release stands as issued, as a
 * printed monthly report would (docs/disclosure.md).
 */
public final class Releases {

    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored release: what each figure shows, and what its audit did. */
    public record Stored(YearMonth month, int k, Map<String, Protector.Published> figures, int primaries,
            int complements, int cells, int views, int programs, long millis) {
    }

    private final Aggregates aggregates;
    private final ReleaseDao dao;
    private final int k;
    private final Clock clock;
    private final Cache<YearMonth, Stored> cache = Caffeine.newBuilder().maximumSize(240)
            .expireAfterAccess(Duration.ofHours(6)).build();

    public Releases(Aggregates aggregates, ReleaseDao dao, int k, Clock clock) {
        this.aggregates = aggregates;
        this.dao = dao;
        this.k = k;
        this.clock = clock;
    }

    public int k() {
        return k;
    }

    public LocalDate today() {
        return Aggregates.today(clock);
    }

    /** The first month readers may ask for: that of the first report, else the last closed month. */
    public YearMonth firstMonth() {
        YearMonth last = Grid.lastClosed(today());
        return dao.firstReportDay().map(YearMonth::from).filter(m -> !m.isAfter(last)).orElse(last);
    }

    /** True on a fresh install: nothing reported yet, so pages say where to start instead of showing zeros. */
    public boolean noReportsYet() {
        return dao.firstReportDay().isEmpty();
    }

    /** The release of a month that has ended: stored, or computed and stored now. */
    public Stored month(YearMonth month) {
        if (!Grid.closed(Grid.month(month), today())) {
            throw new IllegalArgumentException("month " + month + " is not closed");
        }
        return cache.get(month, m -> dao.find(m.atDay(1), k).map(this::read).orElseGet(() -> compute(m)));
    }

    /** The release of a month if it has been issued, without computing it. */
    public Optional<Stored> issued(YearMonth month) {
        return dao.find(month.atDay(1), k).map(this::read);
    }

    /** Computes every ended month not released yet, oldest first (the background job; also run at start). */
    public int closeDue() {
        int made = 0;
        YearMonth last = Grid.lastClosed(today());
        for (YearMonth m = firstMonth(); !m.isAfter(last); m = m.plusMonths(1)) {
            if (dao.find(m.atDay(1), k).isEmpty()) {
                month(m);
                made++;
            }
        }
        return made;
    }

    private synchronized Stored compute(YearMonth month) {
        Optional<ReleaseDao.Row> raced = dao.find(month.atDay(1), k);
        if (raced.isPresent()) {
            return read(raced.get());
        }
        Counts counts = aggregates.counts(new Period(month.atDay(1), month.atEndOfMonth()));
        MonthTables.Built built = tables(counts).build();
        Map<String, int[]> insiders = new LinkedHashMap<>(built.districtAtoms());
        for (String group : dao.coordinatorGroups()) {
            TreeSet<Integer> atoms = new TreeSet<>();
            for (String district : group.split(",")) {
                int[] own = built.districtAtoms().get(district);
                if (own != null) {
                    for (int a : own) {
                        atoms.add(a);
                    }
                }
            }
            insiders.put(group, atoms.stream().mapToInt(Integer::intValue).toArray());
        }
        Protector.Release release = new Protector(k).protect(built.model(),
                Protector.views(built.model().atoms(), insiders));
        dao.insert(new ReleaseDao.Row(month.atDay(1), k, write(release.figures()), release.audit().primaries(),
                release.complements(), release.figures().size(), release.audit().views(), release.audit().programs(),
                release.millis()));
        LOG.info("released {}: {} figures, {} small counts protected by {} complements, audited for {} readers"
                + " with {} linear programs in {} ms", month, release.figures().size(), release.audit().primaries(),
                release.complements(), release.audit().views(), release.audit().programs(), release.millis());
        return read(dao.find(month.atDay(1), k).orElseThrow());
    }

    /** The month's counts as the release's tables. */
    static MonthTables tables(Counts counts) {
        List<String> districts = counts.values().get(Dimension.DISTRICT);
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, long[][]> cells = new LinkedHashMap<>();
        for (Dimension d : List.of(Dimension.SERVICE, Dimension.GAP, Dimension.CHANNEL)) {
            categories.put(d.code(), counts.values().get(d));
            cells.put(d.code(), counts.grids().get(List.of(Dimension.DISTRICT, d)));
        }
        return new MonthTables(districts, categories, cells, counts.sectors(), counts.sectorCounts());
    }

    private static String write(Map<String, Protector.Published> figures) {
        ObjectNode out = JSON.createObjectNode();
        figures.forEach((key, p) -> {
            switch (p.shown()) {
                case EXACT -> out.put(key, p.lo());
                case SMALL -> out.put(key, "<");
                case HIDDEN -> {
                    ArrayNode range = out.putArray(key).add(p.lo());
                    if (p.hi() == Protector.Published.NO_LIMIT) {
                        range.addNull();
                    } else {
                        range.add(p.hi());
                    }
                }
            }
        });
        return out.toString();
    }

    private Stored read(ReleaseDao.Row row) {
        Map<String, Protector.Published> figures = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(row.figures());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    figures.put(e.getKey(), new Protector.Published(Shown.EXACT, v.asLong(), v.asLong()));
                } else if (v.isTextual()) {
                    figures.put(e.getKey(), new Protector.Published(Shown.SMALL, 0, row.k() - 1));
                } else {
                    long hi = v.get(1).isNull() ? Protector.Published.NO_LIMIT : v.get(1).asLong();
                    figures.put(e.getKey(), new Protector.Published(Shown.HIDDEN, v.get(0).asLong(), hi));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("release of " + row.month() + " is not readable JSON", e);
        }
        return new Stored(YearMonth.from(row.month()), row.k(), figures, row.primaries(), row.complements(),
                row.cells(), row.views(), row.programs(), row.millis());
    }
}
