package rw.ijwi.africastalking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** A form-encoded AT callback body, read strictly: one value per field, bounded lengths, no control characters. */
final class Form {

    /** AT sends about ten fields; a few more are tolerated (and ignored), thousands are an attack. */
    static final int MAX_FIELDS = 40;
    /** Compiled once: String.matches compiles the pattern on every callback. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static Form of(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequestResponse("expected Content-Type application/x-www-form-urlencoded");
        }
        return of(ctx.formParamMap());
    }

    static Form of(Map<String, List<String>> fields) {
        int values = fields.values().stream().mapToInt(List::size).sum();
        if (values > MAX_FIELDS) {
            throw new BadRequestResponse("too many fields: " + values + ", at most " + MAX_FIELDS);
        }
        return new Form(fields);
    }

    String required(String name, int maxLength) {
        return optional(name, maxLength).orElseThrow(() -> new BadRequestResponse("missing field " + name));
    }

    Optional<String> optional(String name, int maxLength) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestResponse("field " + name + " given " + values.size() + " times");
        }
        String value = values.get(0);
        if (value.length() > maxLength) {
            throw new BadRequestResponse("field " + name + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\uFFFD') {
                throw new BadRequestResponse("field " + name + " is not valid UTF-8");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                throw new BadRequestResponse("field " + name + " contains a control character");
            }
        }
        return Optional.of(value);
    }

    /**
     * A person's free text, kept rather than refused (a refused message is lost after AT's retries): control
     * characters and U+FFFD (bytes that were not UTF-8) are removed, and the rest cut to maxLength characters
     * (never inside a surrogate pair). altered says which of the two happened, or is null.
     */
    record FreeText(String value, String altered) {
    }

    Optional<FreeText> freeText(String name, int maxLength) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestResponse("field " + name + " given " + values.size() + " times");
        }
        String value = values.get(0);
        StringBuilder kept = new StringBuilder(Math.min(value.length(), maxLength));
        boolean cleaned = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\uFFFD' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                cleaned = true;
            } else {
                kept.append(c);
            }
        }
        boolean truncated = kept.length() > maxLength;
        if (truncated) {
            int end = Character.isHighSurrogate(kept.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
            kept.setLength(end);
        }
        String altered = cleaned && truncated ? "cleaned and truncated" : cleaned ? "cleaned"
                : truncated ? "truncated" : null;
        return Optional.of(new FreeText(kept.toString(), altered));
    }

    Optional<String> optionalNonBlank(String name, int maxLength) {
        return optional(name, maxLength).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A required non-blank field, stripped. */
    String requiredNonBlank(String name, int maxLength) {
        String value = required(name, maxLength).strip();
        if (value.isEmpty()) {
            throw new BadRequestResponse("field " + name + " is empty");
        }
        return value;
    }

    /** AT sends "+2507..."; a '+' that was not form-encoded arrives as a space, so it is put back. */
    String phoneNumber(String name) {
        String raw = required(name, 32);
        String phone = raw.strip();
        if (raw.startsWith(" ") && !phone.startsWith("+")) {
            phone = "+" + phone;
        }
        if (!PHONE.matcher(phone).matches()) {
            throw new BadRequestResponse("field " + name + " is not a phone number");
        }
        return phone;
    }
}
