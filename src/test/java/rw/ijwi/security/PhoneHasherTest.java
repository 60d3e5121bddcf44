package rw.ijwi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The stored hashes are all Ijwi keeps of a number, so they can never be recomputed: any change to the
     * canonical form or the key derivation would split every caller into two. These are pinned, byte for byte,
     * under the test key, including inputs a library would canonicalise differently (the "(0)" is kept).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "+250788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "0788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "+254712345678, +254712345678, adba48e89acc24d428817fd663719226d117a76f99630e69665b2310c0499b5a",
        "+250 (0)788 123 456, +2500788123456, 3e770faf5797f8a4b67223ff02160eb5d4a8ed9b435764a20105d77f5beb2a40",
        "99999, +99999, 7f40abd2800606bc9330590903ea2bff7b262e90e5d71e2851f12522e160f71c"})
    void known_numbers_keep_their_exact_hash(String written, String canonical, String hash) {
        assertThat(PhoneHasher.canonical(written)).isEqualTo(canonical);
        assertThat(HexFormat.of().formatHex(hasher.hash(written))).isEqualTo(hash);
    }
}
