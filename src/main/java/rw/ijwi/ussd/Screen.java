package rw.ijwi.ussd;

import java.util.List;
import java.util.Optional;

/**
 * One USSD screen as the menu files describe it. Exactly one of: options (a menu), a list fed from data,
 * an input, or neither (an END screen). Knows nothing of sessions or storage.
 */
public record Screen(
        String id,
        String file,
        Localized text,
        List<Option> options,
        Optional<String> list,
        boolean readOnly,
        Optional<Localized> empty,
        Optional<Input> input,
        Optional<String> save,
        Optional<String> next,
        Optional<String> action,
        Optional<Localized> otherwise) {

    public Screen {
        options = List.copyOf(options);
    }

    /** A choice on a menu screen; its value, if any, is saved under the screen's save key. */
    public record Option(Localized label, Optional<String> value, String next) {
    }

    /** What an input screen accepts. */
    public record Input(Kind kind, int min, int max, Optional<String> skip, Optional<Localized> error) {
        public enum Kind { TEXT, DIGITS }
    }

    public boolean isEnd() {
        return options.isEmpty() && list.isEmpty() && input.isEmpty();
    }

    public boolean isFreeText() {
        return input.map(i -> i.kind() == Input.Kind.TEXT).orElse(false);
    }
}
