package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rw.ijwi.commitments.Commitment;

/** The pure engine on the project's menus: (inputs typed) -> (screen, page, answers, error), as a table. */
class EngineTest {

    private final MenuFixture fixture = new MenuFixture();

    /** Typing these inputs in this language leads to this screen and page, with or without an error. */
    record Row(String label, String language, String inputs, String screen, int page, String error) {
        @Override
        public String toString() {
            return label;
        }

        String[] typed() {
            // inputs are space-separated; "<empty>" is an empty input and "_" a space within one
            return inputs.isEmpty() ? new String[0] : Arrays.stream(inputs.split(" "))
                    .map(i -> i.equals("<empty>") ? "" : i.replace('_', ' ')).toArray(String[]::new);
        }
    }

    static Stream<Row> navigation() {
        return Stream.of(
                new Row("a new session opens on the first screen", "rw", "", "welcome", 0, null),
                new Row("option 1 asks for consent", "rw", "1", "consent", 0, null),
                new Row("consent leads to the district list", "rw", "1 1", "district", 0, null),
                new Row("99 turns to the next page of districts", "rw", "1 1 99", "district", 1, null),
                new Row("99 on the last page is refused", "rw", "1 1 99 99 99 99", "district", 3, "invalid_choice"),
                new Row("0 on a later page goes back one page", "rw", "1 1 99 99 0", "district", 1, null),
                new Row("0 goes back one screen", "rw", "1 1 0", "consent", 0, null),
                new Row("0 on the first screen is refused", "rw", "0", "welcome", 0, "invalid_choice"),
                new Row("a district on a later page can be typed from the first", "rw", "1 1 28", "sector", 0, null),
                new Row("31 is not a district", "rw", "1 1 31", "district", 0, "invalid_choice"),
                new Row("letters are not a choice", "rw", "1 abc", "consent", 0, "invalid_choice"),
                new Row("an empty input is not a choice", "rw", "1 <empty>", "consent", 0, "invalid_choice"),
                new Row("a choice typed with spaces is accepted", "rw", "1 _1_", "district", 0, null),
                new Row("the error clears on the next good input", "rw", "1 9 1", "district", 0, null),
                new Row("I need help now goes to the help lines", "rw", "1 2", "hotlines", 0, null),
                new Row("sector then service then gap then comment", "rw", "1 1 28 1 1 3", "comment", 0, null),
                new Row("1 skips the comment", "en", "1 1 28 1 1 3 1", "quote", 0, null),
                new Row("a one-letter comment is refused", "en", "1 1 28 1 1 3 x", "comment", 0, "input"),
                new Row("a comment goes on to quote consent", "fr", "1 1 28 1 1 3 hello", "quote", 0, null),
                new Row("confirming files the report (END)", "rw", "1 1 28 1 1 3 1 2 1", "thanks", 0, null),
                new Row("cancelling stores nothing (END)", "rw", "1 1 28 1 1 3 1 2 2", "cancelled", 0, null),
                new Row("delete asks for the reference", "rw", "4", "delete_ref", 0, null),
                new Row("a reference has six digits", "rw", "4 12345", "delete_ref", 0, "input"),
                new Row("a reference is digits only", "rw", "4 12345a", "delete_ref", 0, "input"),
                new Row("a good reference asks to confirm", "rw", "4 123456", "delete_confirm", 0, null),
                new Row("the promised list is read-only", "rw", "3 28 1", "promised", 0, "invalid_choice"),
                new Row("choosing a language returns to the first screen", "rw", "5 2", "welcome", 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("navigation")
    void typing_leads_to_the_expected_screen(Row row) {
        SessionState state = fixture.after(row.language(), row.typed());
        assertThat(state.screen()).as("screen").isEqualTo(row.screen());
        assertThat(state.page()).as("page").isEqualTo(row.page());
        assertThat(state.error().orElse(null)).as("error").isEqualTo(row.error());
        assertThat(state.exited()).isFalse();
    }

    @Test
    void the_answers_of_a_full_report_are_kept() {
        SessionState state = fixture.after("rw", "1", "1", "28", "18", "2", "5", "Ntibaje", "1");
        assertThat(state.screen()).isEqualTo("confirm");
        assertThat(state.answers()).containsEntry("district", "Rusizi").containsEntry("sector", "Rwimbogo")
                .containsEntry("service", "health").containsEntry("gap", "not_followed_up")
                .containsEntry("comment", "Ntibaje").containsEntry("quote", "yes");
    }

    @Test
    void going_back_and_choosing_again_replaces_the_answer() {
        SessionState state = fixture.after("rw", "1", "1", "28", "0", "8");
        assertThat(state.screen()).isEqualTo("sector");
        assertThat(state.answers()).containsEntry("district", "Huye");
    }

    @Test
    void double_zero_exits_from_every_screen_in_every_language() {
        for (String language : fixture.menu.languages()) {
            for (String path : List.of("", "1", "1 1", "1 1 99", "1 1 28", "1 1 28 1 1 3", "4", "3 28", "5")) {
                String[] inputs = path.isEmpty() ? new String[] {"00"} : (path + " 00").split(" ");
                SessionState state = fixture.after(language, inputs);
                assertThat(state.exited()).as(language + " after " + path).isTrue();
                assertThat(fixture.engine.isEnded(state)).isTrue();
                assertThat(fixture.screen(state)).isEqualTo(fixture.menu.string("goodbye", language));
            }
        }
    }

    @Test
    void a_comment_of_double_zero_is_the_safety_exit_not_a_comment() {
        assertThat(fixture.after("rw", "1", "1", "28", "1", "1", "3", "00").exited()).isTrue();
    }

    @Test
    void input_after_the_end_changes_nothing() {
        SessionState end = fixture.after("rw", "2");
        assertThat(fixture.engine.apply(end, "1")).isEqualTo(end);
    }

    @Test
    void the_language_chosen_is_the_language_of_the_session() {
        assertThat(fixture.after("rw", "5", "3").language()).isEqualTo("fr");
        assertThat(fixture.screen(fixture.after("rw", "5", "3"))).startsWith("Ijwi: votre avis sur les services");
        assertThat(fixture.engine.start("xx").language()).isEqualTo("rw");
    }

    @Test
    void every_screen_of_every_language_renders_within_the_limit() {
        for (String language : fixture.menu.languages()) {
            for (String path : List.of("", "1", "1 1", "1 1 99", "1 1 99 99", "1 1 99 99 99", "1 1 5", "1 1 5 1",
                    "1 1 5 1 1", "1 1 5 1 1 1", "1 1 5 1 1 1 1", "1 1 5 1 1 1 1 1", "2", "3", "3 5", "4", "4 123456",
                    "5", "1 x", "4 1")) {
                String[] inputs = path.isEmpty() ? new String[0] : path.split(" ");
                String screen = fixture.screen(fixture.after(language, inputs));
                assertThat(rw.ijwi.gsm.Gsm7.septets(screen)).as(language + " " + path + ":\n" + screen)
                        .isLessThanOrEqualTo(MenuFixture.LIMIT);
                assertThat(rw.ijwi.gsm.Gsm7.firstUnencodable(screen)).isEqualTo(-1);
            }
        }
    }

    @Test
    void long_commitment_lists_paginate_and_long_promises_are_cut_to_fit() {
        List<Commitment> many = Arrays.stream(new int[12]).boxed().map(i -> new Commitment(1, "Rusizi", null,
                "National Police", "Station two officers at every sector office, with a motorbike and a phone line "
                + "that works at night", "police", null, null, "pledged")).toList();
        MenuFixture withCommitments = new MenuFixture(many);
        SessionState first = withCommitments.after("en", "3", "28");
        assertThat(withCommitments.renderer.pageCount(first)).isGreaterThan(1);
        String page = withCommitments.screen(first);
        assertThat(page).contains("1. National Police: Station two officers", "..", "(pledged)", "99. More");
        assertThat(rw.ijwi.gsm.Gsm7.septets(page)).isLessThanOrEqualTo(MenuFixture.LIMIT);
        SessionState last = first;
        for (int i = 1; i < withCommitments.renderer.pageCount(first); i++) {
            last = withCommitments.engine.apply(last, "99");
        }
        assertThat(withCommitments.screen(last)).contains("12. National Police").doesNotContain("99. More");
    }

    @Test
    void the_engine_reads_commitments_only_as_loaded_before_it_runs_never_while_rendering() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Commitment one = new Commitment(1, "Rusizi", null, "Police", "Open at night", "police", null, null, "pledged");
        Menus.Loaded loaded = Menus.load(rw.ijwi.config.MenuSource.directory(java.nio.file.Path.of("menus")),
                rw.ijwi.geo.Geography.fromPackagedCsv(), district -> {
                    reads.incrementAndGet();
                    return List.of(one);
                }, MenuFixture.LIMIT);
        Engine plain = new Engine(loaded.menu(), loaded.lists(), new Renderer(loaded.menu(), loaded.lists(), MenuFixture.LIMIT));
        SessionState promised = plain.apply(plain.apply(plain.start("en"), "3"), "28");
        assertThat(plain.renderer().render(promised, java.util.Map.of())).contains("No commitments recorded yet");
        assertThat(reads.get()).as("reads while the engine ran").isZero();

        Engine hop = plain.withLists(loaded.lists().loadedFor(List.of(promised.answers())));
        assertThat(reads.get()).isEqualTo(1);
        SessionState again = hop.apply(hop.apply(hop.start("en"), "3"), "28");
        for (int i = 0; i < 3; i++) {
            assertThat(hop.renderer().render(again, java.util.Map.of())).contains("1. Police: Open at night (pledged)");
        }
        assertThat(reads.get()).as("one read per hop, before the engine").isEqualTo(1);
    }
}
