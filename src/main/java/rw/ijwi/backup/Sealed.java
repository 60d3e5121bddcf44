package rw.ijwi.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a stream of any length, in segments, so neither side holds the whole file in memory (one GCM
 * message would make the reader buffer everything before it may trust a byte). The segment nonce is a random
 * prefix, the segment's number and a last-segment flag, as in Tink's streaming AEAD: segments cannot be
 * reordered, dropped or cut off at the end without the tag failing. Knows nothing of what the bytes are.
 *
 * <pre>
 * file    = magic "IJWIBAK1" | salt (16) | nonce prefix (7) | key check (16) | segment*
 * segment = last flag (1) | ciphertext length (4) | ciphertext with its 16-byte tag
 * key     = HMAC-SHA256(operator key, "ijwi backup v1" | salt)
 * </pre>
 */
public final class Sealed {

    static final byte[] MAGIC = "IJWIBAK1".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT = 256 * 1024;
    private static final int TAG_BITS = 128;

    private Sealed() {
    }

    /** Thrown when the file is not a backup, was made with another key, or was changed or cut short. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static byte[] derive(byte[] operatorKey, byte[] salt, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(operatorKey, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] nonce(byte[] prefix, int counter, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
    }

    /** Encrypts everything written to it; close() writes the last segment, without which the reader refuses. */
    public static OutputStream seal(OutputStream sink, byte[] operatorKey) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] prefix = new byte[7];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        byte[] key = derive(operatorKey, salt, "ijwi backup v1");
        byte[] header = ByteBuffer.allocate(MAGIC.length + 16 + 7).put(MAGIC).put(salt).put(prefix).array();
        DataOutputStream out = new DataOutputStream(sink);
        out.write(header);
        out.write(Arrays.copyOf(derive(key, header, "key check"), 16));
        return new OutputStream() {
            private final byte[] buffer = new byte[SEGMENT];
            private final Cipher cipher = aes();
            private int filled;
            private int counter;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (filled == SEGMENT) {
                        emit(false);
                    }
                    int n = Math.min(length, SEGMENT - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                }
            }

            private void emit(boolean last) throws IOException {
                try {
                    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(TAG_BITS, nonce(prefix, counter++, last)));
                    cipher.updateAAD(header);
                    byte[] sealed = cipher.doFinal(buffer, 0, filled);
                    out.writeByte(last ? 1 : 0);
                    out.writeInt(sealed.length);
                    out.write(sealed);
                    filled = 0;
                } catch (GeneralSecurityException e) {
                    throw new IOException("cannot encrypt the backup: " + e.getClass().getSimpleName(), e);
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    emit(true);
                    out.close();
                }
            }
        };
    }

    /** Decrypts a stream written by {@link #seal}; a wrong key, a changed byte or a missing end throws. */
    public static InputStream open(InputStream source, byte[] operatorKey) throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] header = new byte[MAGIC.length + 16 + 7];
        byte[] check = new byte[16];
        try {
            in.readFully(header);
            in.readFully(check);
        } catch (EOFException e) {
            throw new Unreadable("too short to be an Ijwi backup");
        }
        if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new Unreadable("not an Ijwi backup");
        }
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + 16);
        byte[] prefix = Arrays.copyOfRange(header, MAGIC.length + 16, header.length);
        byte[] key = derive(operatorKey, salt, "ijwi backup v1");
        if (!MessageDigest.isEqual(check, Arrays.copyOf(derive(key, header, "key check"), 16))) {
            throw new Unreadable("made with another backup key");
        }
        return new InputStream() {
            private final Cipher cipher = aes();
            private byte[] plain = new byte[0];
            private int position;
            private int counter;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                while (position == plain.length) {
                    if (ended) {
                        return -1;
                    }
                    next();
                }
                int n = Math.min(length, plain.length - position);
                System.arraycopy(plain, position, bytes, offset, n);
                position += n;
                return n;
            }

            private void next() throws IOException {
                boolean last;
                byte[] sealed;
                try {
                    int flag = in.readUnsignedByte();
                    int length = in.readInt();
                    if (flag > 1 || length < 16 || length > SEGMENT + 16) {
                        throw new Unreadable("damaged at segment " + counter);
                    }
                    last = flag == 1;
                    sealed = new byte[length];
                    in.readFully(sealed);
                } catch (EOFException e) {
                    throw new Unreadable("cut short after segment " + counter + " (an unfinished copy?)");
                }
                try {
                    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                            new GCMParameterSpec(TAG_BITS, nonce(prefix, counter, last)));
                    cipher.updateAAD(header);
                    plain = cipher.doFinal(sealed);
                } catch (javax.crypto.AEADBadTagException e) {
                    throw new Unreadable("damaged at segment " + counter);
                } catch (GeneralSecurityException e) {
                    throw new IOException("cannot decrypt the backup: " + e.getClass().getSimpleName(), e);
                }
                counter++;
                position = 0;
                if (last) {
                    ended = true;
                    if (in.read() >= 0) {
                        throw new Unreadable("has bytes after its end");
                    }
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static Cipher aes() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM", e);
        }
    }
}
