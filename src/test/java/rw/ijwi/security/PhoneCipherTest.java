package rw.ijwi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Numbers sealed with AES-GCM open only with the same key, unchanged, and never show the number. */
class PhoneCipherTest {

    private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final PhoneCipher cipher = new PhoneCipher(key);

    @Test
    void a_number_opens_to_its_canonical_form_and_each_sealing_differs() {
        byte[] once = cipher.encrypt("0788 123 456");
        byte[] twice = cipher.encrypt("+250788123456");
        assertThat(cipher.decrypt(once)).isEqualTo("+250788123456");
        assertThat(cipher.decrypt(twice)).isEqualTo("+250788123456");
        assertThat(once).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("788123456");
    }

    @Test
    void another_key_or_a_changed_byte_or_a_stub_does_not_open() {
        byte[] sealed = cipher.encrypt("+250788123456");
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new PhoneCipher(otherKey).decrypt(sealed)).isInstanceOf(IllegalArgumentException.class);
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(changed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
