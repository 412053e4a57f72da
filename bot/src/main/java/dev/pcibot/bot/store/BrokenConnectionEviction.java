package dev.pcibot.bot.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool to drop a connection to an embedded H2 database that has closed
 * itself, which H2 does after a write fails (a full disk): such a connection answers "database is
 * closed" to every statement for ever, so without this the votes and conversations kept failing
 * after space returned, until a restart. A new connection opens the database file again. Hikari
 * already drops PostgreSQL connections on their own errors (SQL state 08...); others are left to it.
 * Named by {@code datasources.default.exception-override-class-name}.
 */
public final class BrokenConnectionEviction implements SQLExceptionOverride {
    // org.h2.api.ErrorCode: GENERAL_ERROR_1 (an MVStore panic is reported as it), IO_EXCEPTION_1/2,
    // FILE_CORRUPTED_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN
    private static final Set<Integer> H2_DEAD = Set.of(50000, 90028, 90031, 90030, 90098, 90121);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && t.getClass().getName().startsWith("org.h2.")
                    && H2_DEAD.contains(s.getErrorCode())) {
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
