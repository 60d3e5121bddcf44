package rw.ijwi.radio;

import java.util.List;

/** A campaign's counts: voters, votes per option (every option, in order), comments. */
public record Tally(long total, List<OptionCount> options, long comments) {

    public record OptionCount(String code, long count) {
    }
}
