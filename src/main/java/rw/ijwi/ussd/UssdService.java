package rw.ijwi.ussd;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import rw.ijwi.config.SafeErrors;
import rw.ijwi.security.PhoneHasher;

/**
 * Answers USSD hops. The session's text is the truth: a hop continues from the cached state of the previous
 * hop when this server has it, and otherwise replays the whole text, so any instance can answer any hop.
 */
public final class UssdService {

    private static final Logger LOG = LoggerFactory.getLogger(UssdService.class);

    /** The last hop this server answered for a session: its text, the state reached and what the END showed. */
    record Seen(String text, SessionState state, Map<String, String> vars) {
    }

    private final Engine engine;
    private final Renderer renderer;
    private final UssdDao dao;
    private final UssdActions actions;
    private final PhoneHasher hasher;
    private final Cache<String, Seen> sessions;

    private final Counter hopsOpen;
    private final Counter hopsEnded;
    private final Counter fallbacks;

    public UssdService(Engine engine, Renderer renderer, UssdDao dao, UssdActions actions, PhoneHasher hasher,
            MeterRegistry meters) {
        this.hopsOpen = meters.counter("ijwi.ussd.hops", "reply", "CON");
        this.hopsEnded = meters.counter("ijwi.ussd.hops", "reply", "END");
        this.fallbacks = meters.counter("ijwi.ussd.fallbacks");
        this.engine = engine;
        this.renderer = renderer;
        this.dao = dao;
        this.actions = actions;
        this.hasher = hasher;
        this.sessions = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    public Reply answer(UssdRequest request) {
        Seen seen = sessions.getIfPresent(request.sessionId());
        try {
            Reply reply = answer(request, seen);
            (reply.end() ? hopsEnded : hopsOpen).increment();
            return reply;
        } catch (RuntimeException e) {
            fallbacks.increment();
            LOG.error("USSD hop failed, answered with the help lines: {}", SafeErrors.describe(e));
            String language = seen != null ? seen.state().language() : engine.menu().defaultLanguage();
            return new Reply(true, Renderer.fill(engine.menu().string("unavailable", language),
                    Map.of("hotlines", engine.menu().hotlines().render(language))));
        }
    }

    private Reply answer(UssdRequest request, Seen seen) {
        String text = request.text();
        if (seen != null && seen.text().equals(text)) {
            return reply(seen.state(), seen.vars()); // a retried hop: same answer, nothing done twice
        }
        // Hashing the number (an HMAC) is only needed to read or change its language or to act: not on most hops.
        PhoneHash phoneHash = new PhoneHash(hasher, request.phoneNumber());
        Replay.Result result;
        String languageBefore;
        if (seen != null && continues(seen.text(), text)) {
            languageBefore = seen.state().language();
            int from = seen.text().isEmpty() ? 0 : seen.text().length() + 1;
            result = Replay.advance(engine, seen.state(), text, from, List.of(), true);
        } else {
            languageBefore = dao.language(phoneHash.get()).orElse(engine.menu().defaultLanguage());
            List<Replay.Span> spans = text.indexOf('*') >= 0 ? dao.freeTextSpans(request.sessionId()) : List.of();
            result = Replay.advance(engine, engine.start(languageBefore), text, 0, spans, false);
        }
        for (Replay.Span span : result.starredAnswers()) {
            dao.rememberFreeText(request.sessionId(), span.startOffset(), span.endOffset());
        }
        SessionState state = result.state();
        if (!state.language().equals(languageBefore)) {
            dao.rememberLanguage(phoneHash.get(), state.language());
        }
        Map<String, String> vars = new HashMap<>();
        if (!state.exited() && engine.isEnded(state)) {
            engine.screenOf(state).action().ifPresent(action ->
                    vars.putAll(actions.run(action, request, phoneHash.get(), state)));
        }
        sessions.put(request.sessionId(), new Seen(text, state, Map.copyOf(vars)));
        return reply(state, vars);
    }

    /** The screen a session ended on, from this server's memory or by replaying the input AT reports. */
    public String lastScreen(String sessionId, String input) {
        Seen seen = sessions.getIfPresent(sessionId);
        SessionState state;
        if (seen != null) {
            state = seen.state();
        } else {
            String text = input == null ? "" : input;
            List<Replay.Span> spans = text.indexOf('*') >= 0 ? dao.freeTextSpans(sessionId) : List.of();
            state = Replay.advance(engine, engine.start(engine.menu().defaultLanguage()), text, 0, spans, false).state();
        }
        return state.exited() ? "exit" : state.screen();
    }

    public void ended(UssdSessionEnd end) {
        dao.recordEnd(end, lastScreen(end.sessionId(), end.input()));
        sessions.invalidate(end.sessionId());
    }

    private Reply reply(SessionState state, Map<String, String> vars) {
        return new Reply(engine.isEnded(state), renderer.render(state, vars));
    }

    /** The keyed hash of the caller's number, computed on first use. */
    private static final class PhoneHash {
        private final PhoneHasher hasher;
        private final String phoneNumber;
        private byte[] hash;

        PhoneHash(PhoneHasher hasher, String phoneNumber) {
            this.hasher = hasher;
            this.phoneNumber = phoneNumber;
        }

        byte[] get() {
            if (hash == null) {
                hash = hasher.hash(phoneNumber);
            }
            return hash;
        }
    }

    private static boolean continues(String previous, String text) {
        return previous.isEmpty() ? !text.isEmpty() : text.startsWith(previous + "*");
    }
}
