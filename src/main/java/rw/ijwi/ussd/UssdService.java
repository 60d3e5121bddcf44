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
    record Seen(String text, SessionState state, Map<String, String> vars, Engine engine) {
    }

    private final Engine engine;
    private final UssdDao dao;
    private final FreeTextSpans freeText;
    private final Languages languages;
    private final UssdActions actions;
    private final PhoneHasher hasher;
    private final Cache<String, Seen> sessions;

    private final Counter hopsOpen;
    private final Counter hopsEnded;
    private final Counter fallbacks;

    public UssdService(Engine engine, UssdDao dao, FreeTextSpans spans, Languages languages, UssdActions actions,
            PhoneHasher hasher, MeterRegistry meters) {
        this.hopsOpen = meters.counter("ijwi.ussd.hops", "reply", "CON");
        this.hopsEnded = meters.counter("ijwi.ussd.hops", "reply", "END");
        this.fallbacks = meters.counter("ijwi.ussd.fallbacks");
        this.engine = engine;
        this.dao = dao;
        this.freeText = spans;
        this.languages = languages;
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
            return reply(seen.engine(), seen.state(), seen.vars()); // a retried hop: same answer, nothing done twice
        }
        // Hashing the number (an HMAC) is only needed to read or change its language or to act: not on most hops.
        PhoneHash phoneHash = new PhoneHash(hasher, request.phoneNumber());
        String languageBefore;
        SessionState start;
        int from;
        List<Replay.Span> spans;
        boolean oneHop = seen != null && continues(seen.text(), text);
        if (oneHop) {
            languageBefore = seen.state().language();
            start = seen.state();
            from = seen.text().isEmpty() ? 0 : seen.text().length() + 1;
            // A free-text answer with a '*' in it may have been answered past on another server (a retry after a
            // restart or a load balancer's switch): where it ended is then recorded, and beats "all of it".
            spans = engine.awaitsFreeText(start) && text.indexOf('*', from) >= 0
                    ? freeText.of(request.sessionId()) : List.of();
        } else {
            languageBefore = languages.of(phoneHash.get()).orElse(engine.menu().defaultLanguage());
            start = engine.start(languageBefore);
            from = 0;
            spans = text.indexOf('*') >= 0 ? freeText.of(request.sessionId()) : List.of();
        }
        Engine hopEngine = engine;
        Replay.Result result = Replay.advance(engine, start, text, from, spans, oneHop);
        if (showsLoadedList(result.state())) {
            // The engine reads no database: what the hop's screens list is loaded now, and the hop run over it.
            hopEngine = engine.withLists(engine.lists().loadedFor(answersOf(result.state())));
            result = Replay.advance(hopEngine, start, text, from, spans, oneHop);
        }
        // Where each free-text answer ends; and where the one now shown will start (a pending span), so that a server
        // replaying an AT retry of that hop (after a crash) takes the whole answer, stars and all.
        for (Replay.Span span : result.freeTextAnswers()) {
            freeText.recordEnd(request.sessionId(), span.startOffset(), span.endOffset());
        }
        SessionState state = result.state();
        if (engine.awaitsFreeText(state)) {
            freeText.recordStart(request.sessionId(), text.isEmpty() ? 0 : text.length() + 1);
        }
        if (!state.language().equals(languageBefore)) {
            languages.remember(phoneHash.get(), state.language());
        }
        Map<String, String> vars = new HashMap<>();
        if (!state.exited() && engine.isEnded(state)) {
            engine.screenOf(state).action().ifPresent(action ->
                    vars.putAll(actions.run(action, request, phoneHash.get(), state)));
        }
        sessions.put(request.sessionId(), new Seen(text, state, Map.copyOf(vars), hopEngine));
        return reply(hopEngine, state, vars);
    }

    /** The screen a session ended on, from this server's memory or by replaying the input AT reports. */
    public String lastScreen(String sessionId, String input) {
        Seen seen = sessions.getIfPresent(sessionId);
        SessionState state;
        if (seen != null) {
            state = seen.state();
        } else {
            String text = input == null ? "" : input;
            List<Replay.Span> spans = text.indexOf('*') >= 0 ? freeText.of(sessionId) : List.of();
            state = Replay.advance(engine, engine.start(engine.menu().defaultLanguage()), text, 0, spans, false).state();
        }
        return state.exited() ? "exit" : state.screen();
    }

    public void ended(UssdSessionEnd end) {
        dao.recordEnd(end, lastScreen(end.sessionId(), end.input()));
        sessions.invalidate(end.sessionId());
    }

    private static Reply reply(Engine engine, SessionState state, Map<String, String> vars) {
        return new Reply(engine.isEnded(state), engine.renderer().render(state, vars));
    }

    /** Whether the state, or one it came through, is a screen listing what lives in the database. */
    private boolean showsLoadedList(SessionState state) {
        java.util.Set<String> loaded = engine.lists().loadedSources();
        for (SessionState s = state; s != null && !loaded.isEmpty(); s = s.previous()) {
            if (!s.exited() && engine.screenOf(s).list().filter(loaded::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static List<Map<String, String>> answersOf(SessionState state) {
        List<Map<String, String>> answers = new java.util.ArrayList<>();
        for (SessionState s = state; s != null; s = s.previous()) {
            answers.add(s.answers());
        }
        return answers;
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
