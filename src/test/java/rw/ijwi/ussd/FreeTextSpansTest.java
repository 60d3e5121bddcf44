package rw.ijwi.ussd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import rw.ijwi.testing.TestDatabase;

class FreeTextSpansTest {

    private final TestDatabase database = TestDatabase.fresh();
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FreeTextSpans spans;
    private final ExecutorService hops = Executors.newFixedThreadPool(16);

    FreeTextSpansTest() {
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        spans = new FreeTextSpans(dataSource, meters);
        spans.start();
    }

    @AfterEach
    void stop() {
        hops.shutdownNow();
        spans.close();
    }

    @Test
    void concurrent_hops_each_find_their_span_recorded_the_moment_they_return_in_fewer_commits() throws Exception {
        List<Future<List<Replay.Span>>> answered = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String session = "s" + i;
            int start = 10 + i;
            answered.add(hops.submit(() -> {
                spans.recordStart(session, start);
                spans.recordEnd(session, start, start + 5);
                return spans.of(session); // read on another connection, right after the answer
            }));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(answered.get(i).get()).containsExactly(new Replay.Span(10 + i, 15 + i));
        }
        assertThat(meters.summary("ijwi.ussd.spans.group").count()).as("commits for 400 spans").isLessThan(400);
    }

    @Test
    void a_start_recorded_again_after_its_end_leaves_the_end_as_it_was() {
        spans.recordStart("retried", 7);
        spans.recordEnd("retried", 7, 19);
        spans.recordStart("retried", 7); // an AT retry of the hop that showed the comment screen
        spans.recordEnd("retried", 25, 30);

        assertThat(spans.of("retried")).containsExactly(new Replay.Span(7, 19), new Replay.Span(25, 30));
        assertThat(spans.of("never-seen")).isEmpty();
    }

    @Test
    void a_span_the_database_refuses_is_refused_with_a_reason_and_the_next_is_stored() {
        // PostgreSQL refuses a NUL in text; the webhook never lets one through, the committer must still cope.
        assertThatThrownBy(() -> spans.recordEnd("bad\u0000id", 0, 3)).hasMessageContaining("free-text spans");
        spans.recordEnd("good", 0, 3);

        assertThat(spans.of("good")).containsExactly(new Replay.Span(0, 3));
    }
}
