package rw.ijwi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

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
     * under the test key, as the hand-written rule before libphonenumber computed them: every spelling of a
     * Rwandan number, foreign numbers, and strings libphonenumber cannot read (+999..., +07...).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "+250788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "250788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "00250788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "+250 788 123 456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "0788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "+250722000111, +250722000111, a7d723f8799aac03ed2aecb64e328c40ed85f2407d90635cc84e0f5d4e996439",
        "0733999888, +250733999888, 9356b855d79352a9807b429593899459f1084a7f73632d82e0e198b9b8e49691",
        "+250795551234, +250795551234, 8e18e0162370435296cf7beb2aa911b1f765adff9bab60afb483433000494d37",
        "+254712345678, +254712345678, adba48e89acc24d428817fd663719226d117a76f99630e69665b2310c0499b5a",
        "+33612345678, +33612345678, 530a2889fd1ce61433cc57d6dcb823a89796c3cb225034d8ede298fc49424d0a",
        "0033612345678, +33612345678, 530a2889fd1ce61433cc57d6dcb823a89796c3cb225034d8ede298fc49424d0a",
        "+14155550123, +14155550123, 078a34dcf0025443370ea2232071980935a8bcab99b53616087e01335bc7811a",
        "+0788123456, +250788123456, 41102d021bb293e01bc919b8065e9605bc4e6ad3a4b744f3ad2fb29597898cd7",
        "+999123456, +999123456, 876083fa536047482e831de47233af1e2d41d7536ada547b72c493e60a64e905"})
    void known_numbers_keep_their_exact_hash(String written, String canonical, String hash) {
        assertThat(PhoneHasher.canonical(written)).isEqualTo(canonical);
        assertThat(HexFormat.of().formatHex(hasher.hash(written))).isEqualTo(hash);
    }

    /**
     * The two spellings the hand-written rule misread, and so the only hashes libphonenumber changed: a trunk 0
     * after the country code (it kept the 0: +2500788123456) and a national number without its 0 (it made
     * +788123456, a Kazakh number). Both are now the caller's own number; Africa's Talking sends neither, and
     * the webhooks refuse the spaces and brackets of the first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"+250 (0)788 123 456", "+2500788123456", "788123456"})
    void spellings_the_old_rule_misread_now_reach_the_callers_own_number(String written) {
        assertThat(PhoneHasher.canonical(written)).isEqualTo("+250788123456");
        assertThat(hasher.hash(written)).isEqualTo(hasher.hash("+250788123456"));
    }

    /** The shortcut for numbers as Africa's Talking sends them must answer exactly what libphonenumber would. */
    @Test
    void a_rwandan_mobile_number_in_e164_is_taken_as_libphonenumber_would_write_it() throws Exception {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            String written = "+2507" + String.format("%08d", random.nextInt(100_000_000));
            assertThat(PhoneHasher.isRwandanMobileInE164(written)).as(written).isTrue();
            assertThat(PhoneHasher.canonical(written)).as(written)
                    .isEqualTo(numbers.format(numbers.parse(written, "RW"), PhoneNumberUtil.PhoneNumberFormat.E164));
        }
        for (String other : new String[] {"+25070", "+2507881234567", "+250788 12345", "+2500788123456", "250788123456"}) {
            assertThat(PhoneHasher.isRwandanMobileInE164(other)).as(other).isFalse();
        }
    }
}
