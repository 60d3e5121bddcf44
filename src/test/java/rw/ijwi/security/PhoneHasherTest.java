package rw.ijwi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** A phone number becomes a keyed hash: the same for every way of writing it, different under another key. */
class PhoneHasherTest {

    private static final byte[] KEY = Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private final PhoneHasher hasher = new PhoneHasher(KEY);

    @Test
    void the_ways_a_rwandan_number_is_written_hash_alike() {
        byte[] expected = hasher.hash("+250788123456");
        for (String written : new String[] {"250788123456", "+250 788 123 456", "0788123456", "00250788123456"}) {
            assertThat(hasher.hash(written)).as(written).isEqualTo(expected);
        }
        assertThat(hasher.hash("+250788123457")).isNotEqualTo(expected);
    }

    @Test
    void the_hash_depends_on_the_secret_key_and_does_not_contain_the_number() {
        byte[] other = new byte[32];
        assertThat(new PhoneHasher(other).hash("+250788123456")).isNotEqualTo(hasher.hash("+250788123456"));
        assertThat(HexFormat.of().formatHex(hasher.hash("+250788123456"))).doesNotContain("788123456");
        assertThat(hasher.hash("+250788123456")).hasSize(32);
    }
}
