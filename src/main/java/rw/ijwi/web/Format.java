package rw.ijwi.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rw.ijwi.geo.Rwanda;

/**
 * How numbers, dates and times read in one dashboard language; the templates' only formatter. Every time is shown
 * in Kigali time with its zone ("3 Dec 2026 14:05 CAT"): the database keeps UTC, people read Rwanda time.
 * Thousands: English "12,345"; French "12 345" (narrow no-break space) with a decimal comma; Kinyarwanda as English,
 * because that is how Rwandan readers see amounts every day (mobile money, RWF prices, NISR tables) and it keeps a
 * copied figure plain ASCII.
 */
public final class Format {

    /** Africa/Kigali has been UTC+2 without daylight saving since 1935: its abbreviation never changes. */
    public static final String ZONE = "CAT";
    static final char NARROW_NBSP = '\u202F';

    private static final List<String> MONTHS_EN = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");
    private static final List<String> MONTHS_FR = List.of("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
            "août", "sept.", "oct.", "nov.", "déc.");
    private static final List<String> MONTHS_RW = List.of("Mutarama", "Gashyantare", "Werurwe", "Mata", "Gicurasi",
            "Kamena", "Nyakanga", "Kanama", "Nzeri", "Ukwakira", "Ugushyingo", "Ukuboza");
    private static final Pattern DIGITS = Pattern.compile("\\d{4,}");

    private final String language;

    private Format(String language) {
        this.language = language;
    }

    public static Format in(String language) {
        return new Format(Rwanda.LANGUAGES.contains(language) ? language : "en");
    }

    private char group() {
        return "fr".equals(language) ? NARROW_NBSP : ',';
    }

    private char decimalMark() {
        return "fr".equals(language) ? ',' : '.';
    }

    /** 12345 as "12,345" (en, rw) or "12 345" (fr). */
    public String number(long value) {
        String digits = Long.toString(Math.abs(value));
        return (value < 0 ? "-" : "") + grouped(digits);
    }

    /** An amount such as a price: "1,234.5" (en, rw) or "1 234,5" (fr); trailing zeros dropped. */
    public String decimal(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : decimalMark() + plain.substring(dot + 1);
        return (negative ? "-" : "") + grouped(whole) + fraction;
    }

    /**
     * A figure as published ("12345", "<5", "12000-13000", "0") with its runs of four or more digits grouped, so
     * that suppressed and ranged figures keep their form in every language.
     */
    public String shown(String figure) {
        if (figure == null) {
            return "";
        }
        Matcher m = DIGITS.matcher(figure);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(grouped(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String grouped(String digits) {
        StringBuilder out = new StringBuilder();
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(group()).append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** A day: "3 Dec 2026", "3 déc. 2026", "3 Ukuboza 2026". */
    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        List<String> months = switch (language) {
            case "fr" -> MONTHS_FR;
            case "rw" -> MONTHS_RW;
            default -> MONTHS_EN;
        };
        return day.getDayOfMonth() + " " + months.get(day.getMonthValue() - 1) + " " + day.getYear();
    }

    /** The Kigali day of an instant, as {@link #date(LocalDate)}. */
    public String date(OffsetDateTime at) {
        return at == null ? "" : date(at.atZoneSameInstant(Rwanda.ZONE).toLocalDate());
    }

    /** A moment in Kigali time with its zone: "3 Dec 2026 14:05 CAT" (the day as the language writes it). */
    public String time(OffsetDateTime at) {
        return at == null ? "" : time(at.toInstant());
    }

    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime kigali = at.atZone(Rwanda.ZONE);
        return date(kigali.toLocalDate()) + " " + String.format("%02d:%02d", kigali.getHour(), kigali.getMinute())
                + " " + ZONE;
    }
}
