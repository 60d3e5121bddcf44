package rw.ijwi.sms.keywords;

import java.util.HashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/**
 * The DAOs of one transaction, each attached once: Jdbi's attach looks the extension up again on every call, which
 * took 6 % of the CPU of a radio night's message when each vote attached its DAO afresh. Not thread-safe, as its
 * handle is not.
 */
public final class Daos {

    private final Handle handle;
    private final Map<Class<?>, Object> attached = new HashMap<>();

    public Daos(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }

    public <T> T get(Class<T> type) {
        return type.cast(attached.computeIfAbsent(type, handle::attach));
    }
}
