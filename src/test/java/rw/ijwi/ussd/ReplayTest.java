package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting AT's '*'-joined text into inputs, including free text that itself contains '*'. */
class ReplayTest {

    private final MenuFixture fixture = new MenuFixture();
    private final Engine engine = fixture.engine;

    @Test
    void an_empty_text_is_the_first_hop_and_applies_nothing() {
        Replay.Result result = Replay.advance(engine, engine.start("rw"), "", 0, List.of(), false);
        assertThat(result.state().screen()).isEqualTo("welcome");
        assertThat(result.state().error()).isEmpty();
    }

    @Test
    void a_whole_text_replays_to_the_same_state_as_typing_each_input() {
        SessionState replayed = Replay.advance(engine, engine.start("rw"), "1*1*28*3*2*5", 0, List.of(), false).state();
        assertThat(replayed).isEqualTo(fixture.after("rw", "1", "1", "28", "3", "2", "5"));
    }

    @Test
    void within_one_hop_a_comment_keeps_its_stars_and_is_reported_as_a_span() {
        SessionState atComment = fixture.after("rw", "1", "1", "28", "1", "1", "3");
        String before = "1*1*28*1*1*3";
        String text = before + "*a*b * c";
        Replay.Result result = Replay.advance(engine, atComment, text, before.length() + 1, List.of(), true);
        assertThat(result.state().answers()).containsEntry("comment", "a*b * c");
        assertThat(result.state().screen()).isEqualTo("quote");
        assertThat(result.freeTextAnswers()).containsExactly(new Replay.Span(before.length() + 1, text.length()));
    }

    @Test
    void a_full_replay_uses_the_recorded_span_to_find_the_end_of_a_comment() {
        String text = "1*1*28*1*1*3*a*b*2*1";
        Replay.Span span = new Replay.Span(13, 16);
        SessionState state = Replay.advance(engine, engine.start("rw"), text, 0, List.of(span), false).state();
        assertThat(state.answers()).containsEntry("comment", "a*b").containsEntry("quote", "no");
        assertThat(state.screen()).isEqualTo("thanks");
    }

    @Test
    void without_a_recorded_span_a_full_replay_splits_at_every_star() {
        String text = "1*1*28*1*1*3*ab*1";
        SessionState state = Replay.advance(engine, engine.start("rw"), text, 0, List.of(), false).state();
        assertThat(state.answers()).containsEntry("comment", "ab").containsEntry("quote", "yes");
    }

    @Test
    void a_span_that_runs_past_the_text_is_ignored() {
        String text = "1*1*28*1*1*3*ab";
        SessionState state = Replay.advance(engine, engine.start("rw"), text, 0, List.of(new Replay.Span(13, 99)),
                false).state();
        assertThat(state.answers()).containsEntry("comment", "ab");
    }

    @Test
    void a_trailing_star_is_an_empty_input_that_re_prompts() {
        SessionState state = Replay.advance(engine, engine.start("rw"), "1*", 0, List.of(), false).state();
        assertThat(state.screen()).isEqualTo("consent");
        assertThat(state.error()).contains("invalid_choice");
    }

    @Test
    void a_comment_screen_shown_and_not_yet_answered_takes_the_rest_of_the_text_stars_and_all() {
        // An AT retry of the comment hop after a crash, on a server that never handled it: only the start is known.
        String text = "1*1*28*1*1*3*Ntiba*nsubije*2";
        Replay.Result result = Replay.advance(engine, engine.start("rw"), text, 0,
                List.of(Replay.Span.pending(13)), false);
        assertThat(result.state().answers()).containsEntry("comment", "Ntiba*nsubije*2").doesNotContainKey("quote");
        assertThat(result.state().screen()).isEqualTo("quote");
        assertThat(result.freeTextAnswers()).containsExactly(new Replay.Span(13, text.length()));
    }

    @Test
    void a_recorded_span_is_not_recorded_again() {
        String text = "1*1*28*1*1*3*a*b*2*1";
        Replay.Result result = Replay.advance(engine, engine.start("rw"), text, 0, List.of(new Replay.Span(13, 16)),
                false);
        assertThat(result.state().screen()).isEqualTo("thanks");
        assertThat(result.freeTextAnswers()).isEmpty();
    }
}
