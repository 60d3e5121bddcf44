package rw.ijwi.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool keeps callbacks sealed on disk, hands them back in order, keeps what was refused, and is bounded. */
class SpoolTest {

    private static final byte[] KEY = new byte[32];

    @TempDir
    Path dir;

    @Test
    void entries_come_back_in_order_and_a_refused_one_stays_with_those_after_it() {
        Spool spool = Spool.open(dir, 1_000_000, KEY);
        for (int i = 1; i <= 5; i++) {
            spool.append("{\"n\":" + i + "}");
        }
        List<String> seen = new ArrayList<>();
        assertThat(spool.drain(e -> {
            seen.add(e);
            return !e.contains("3");
        })).isEqualTo(2);
        assertThat(seen).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(spool.size()).isEqualTo(3);

        Spool reopened = Spool.open(dir, 1_000_000, KEY);
        assertThat(reopened.size()).as("survives a restart").isEqualTo(3);
        List<String> rest = new ArrayList<>();
        assertThat(reopened.drain(rest::add)).isEqualTo(3);
        assertThat(rest).containsExactly("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        assertThat(reopened.size()).isZero();
    }

    @Test
    void nothing_readable_rests_on_disk() throws Exception {
        Spool spool = Spool.open(dir, 1_000_000, KEY);
        spool.append("{\"from\":\"+250788123456\",\"text\":\"JOIN Rusizi\"}");
        String onDisk = Files.readString(dir.resolve("sms-callbacks.spool"));
        assertThat(onDisk).doesNotContain("788123456").doesNotContain("JOIN");
        assertThatThrownBy(() -> Spool.open(dir, 1_000_000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).drain(e -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_full_spool_refuses_rather_than_dropping() {
        Spool spool = Spool.open(dir, 300, KEY);
        spool.append("x".repeat(100));
        assertThatThrownBy(() -> spool.append("y".repeat(200))).isInstanceOf(Spool.Full.class);
        assertThat(spool.size()).isEqualTo(1);
    }

    @Test
    void a_group_is_appended_in_order_after_what_was_there_or_not_at_all() {
        Spool spool = Spool.open(dir, 1_000, KEY);
        spool.append("{\"n\":1}");
        spool.appendAll(List.of("{\"n\":2}", "{\"n\":3}", "{\"n\":4}"));
        assertThatThrownBy(() -> spool.appendAll(List.of("a".repeat(200), "b".repeat(200), "c".repeat(200))))
                .isInstanceOf(Spool.Full.class);
        assertThat(spool.size()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        spool.drain(seen::add);
        assertThat(seen).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    }
}
