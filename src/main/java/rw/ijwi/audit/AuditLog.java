package rw.ijwi.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit trail: logins, exports, views of free text, changes. Details never hold free text or numbers. */
public interface AuditLog {

    /** One line of the trail. */
    record Entry(long id, OffsetDateTime at, String username, String action, String detail, String address) {
    }

    @SqlUpdate("INSERT INTO audit_log (username, action, detail, address) VALUES (:username, :action, :detail, :address)")
    void record(@Bind("username") String username, @Bind("action") String action, @Bind("detail") String detail,
            @Bind("address") String address);

    @SqlQuery("SELECT id, at, username, action, detail, address FROM audit_log ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(Entry.class)
    List<Entry> latest(@Bind("limit") int limit);
}
