package rw.ijwi.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.javalin.http.BadRequestResponse;

import rw.ijwi.feedback.Aggregates;
import rw.ijwi.feedback.ExactFigures;
import rw.ijwi.feedback.Figures;
import rw.ijwi.feedback.Period;

/**
 * Gives each page, export and API answer its figures: exact counts for any window where the audience sees exact
 * counts, and otherwise a closed period of the release grid read from stored releases (any other window is refused
 * with the reason and the periods there are).
 */
public final class Publisher {

    private final Aggregates aggregates;
    private final Releases releases;

    public Publisher(Aggregates aggregates, Releases releases) {
        this.aggregates = aggregates;
        this.releases = releases;
    }

    public Aggregates aggregates() {
        return aggregates;
    }

    public Releases releases() {
        return releases;
    }

    public int suppressBelow() {
        return releases.k();
    }

    public ExactFigures exact(Period period) {
        return new ExactFigures(aggregates.counts(period), releases.k(), aggregates::counts);
    }

    /**
     * The figures of a period for an audience that will look at these districts (empty: the whole country, or
     * every district).
     */
    public Figures figures(Period period, Audience audience, Set<String> districts) {
        if (audience.exactFor(districts)) {
            return exact(period);
        }
        Grid.Cell cell = cell(period);
        List<Releases.Stored> months = new ArrayList<>();
        for (YearMonth m : cell.months()) {
            months.add(releases.month(m));
        }
        ExactFigures own = audience.ownDistricts().isEmpty() ? null : exact(period);
        return new ReleasedFigures(cell, months, releases.k(), aggregates.geography(), audience.ownDistricts(), own);
    }

    /** The closed grid period these days are, or a 400 that says what may be asked. */
    public Grid.Cell cell(Period period) {
        Grid.Cell cell = Grid.of(period).orElseThrow(() -> new BadRequestResponse(period.from() + ".." + period.to()
                + " is not a period of the release grid: " + offer()));
        if (!Grid.closed(cell, releases.today())) {
            throw new BadRequestResponse(cell.name() + " is not closed yet (a day after it ends): " + offer());
        }
        return cell;
    }

    /** One line on what the grid offers now. */
    public String offer() {
        Grid.Cell last = Grid.lastMonth(releases.today());
        return "figures beyond your districts cover a closed calendar month, quarter or year (period="
                + last.name() + ", " + last.months().get(0).getYear() + "-Q" + ((last.months().get(0).getMonthValue()
                + 2) / 3) + " once it ends, or a year), from " + releases.firstMonth() + " to " + last.name();
    }

    /** The closed grid periods readers may choose from, newest first. */
    public List<Grid.Cell> closedPeriods() {
        return Grid.closedSince(releases.firstMonth(), releases.today());
    }
}
