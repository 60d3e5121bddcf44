package rw.ijwi.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import rw.ijwi.geo.Rwanda;

/** A period of whole Rwanda days (Africa/Kigali), first and last day included. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    /** The 52 weeks (364 days) up to and including today. */
    public static Period lastYear(LocalDate today) {
        return new Period(today.minusDays(363), today);
    }

    public OffsetDateTime start() {
        return from.atStartOfDay(Rwanda.ZONE).toOffsetDateTime();
    }

    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(Rwanda.ZONE).toOffsetDateTime();
    }

    /** The Mondays of the ISO weeks the period touches, in order. */
    public List<LocalDate> weeks() {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate d = from.minusDays(from.getDayOfWeek().getValue() - 1L); !d.isAfter(to); d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        return mondays;
    }

    /** An ISO week as the API names it, e.g. 2026-W48. */
    public static String weekLabel(LocalDate monday) {
        return monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public String label() {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(from) + " – " + DateTimeFormatter.ISO_LOCAL_DATE.format(to);
    }
}
