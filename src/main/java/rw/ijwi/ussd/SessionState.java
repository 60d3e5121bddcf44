package rw.ijwi.ussd;

import java.util.Map;
import java.util.Optional;

/**
 * Where a USSD session stands: the screen and page shown, the answers so far, the language, and the state
 * before the last move (what "back" returns to). Immutable; the engine makes a new one for every input.
 */
public record SessionState(
        String screen,
        int page,
        Map<String, String> answers,
        String language,
        SessionState previous,
        Optional<String> error,
        boolean exited) {

    public SessionState {
        answers = Map.copyOf(answers);
    }

    static SessionState at(String screen, String language) {
        return new SessionState(screen, 0, Map.of(), language, null, Optional.empty(), false);
    }

    SessionState withError(String key) {
        return new SessionState(screen, page, answers, language, previous, Optional.of(key), false);
    }

    SessionState moveTo(String nextScreen, int nextPage, Map<String, String> nextAnswers, String nextLanguage) {
        return new SessionState(nextScreen, nextPage, nextAnswers, nextLanguage, withoutError(), Optional.empty(), false);
    }

    SessionState withoutError() {
        return error.isEmpty() ? this : new SessionState(screen, page, answers, language, previous, Optional.empty(), false);
    }

    SessionState exit() {
        return new SessionState(screen, page, answers, language, previous, Optional.empty(), true);
    }

    public Optional<String> answer(String key) {
        return Optional.ofNullable(answers.get(key));
    }
}
