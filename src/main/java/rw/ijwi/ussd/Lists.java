package rw.ijwi.ussd;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The data behind list screens (districts, sectors of the chosen district, commitments), as the engine sees it. */
public interface Lists {

    /** One entry of a list: the value saved when it is chosen, and the label shown. */
    record Item(String value, String label) {
    }

    Set<String> sources();

    List<Item> items(String source, Map<String, String> answers, String language);

    /**
     * Answers that make the source show each list it can show (one map per list), so the checker can prove
     * every page fits; empty for lists that change at run time, which are cut to fit as they are shown.
     */
    List<Map<String, String>> everyContext(String source);

    /** Sources whose items live in the database (commitments): empty until loaded by loadedFor. */
    default Set<String> loadedSources() {
        return Set.of();
    }

    /**
     * These lists with the loaded sources read for the given answers (each map one state's answers), so the
     * engine, which never reads a database, can show them. Called before the engine runs.
     */
    default Lists loadedFor(java.util.Collection<Map<String, String>> answers) {
        return this;
    }
}
