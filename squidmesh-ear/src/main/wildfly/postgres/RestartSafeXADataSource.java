package io.squidmesh.postgres;

import org.postgresql.xa.PGXADataSource;

import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's XA datasource, with one correction for restarts of the database: a {@code COMMIT PREPARED} (or
 * {@code ROLLBACK PREPARED}) cut short because the server shuts down answers {@code 57P01}
 * ("terminating connection due to administrator command", also {@code 57P02}, {@code 57P03}), which the driver
 * reports as {@code XAER_RMERR}. Narayana takes {@code XAER_RMERR} on commit to mean the branch rolled back
 * (a heuristic outcome it then leaves alone), while the branch is in fact still prepared in the database, holding
 * its row locks until someone resolves it by hand. This reports such failures as {@code XAER_RMFAIL} ("the resource
 * manager is unavailable"), which they are: the transaction manager keeps the transaction and its recovery finishes
 * the commit (or rollback) once the database is back. Connection failures proper ({@code 08...}) are already
 * reported so by the driver.
 * <p>
 * Used by {@code configure-postgres.cli} as the XA datasource class of the Squid Mesh datasource; compiled by
 * {@code provision.sh} into the driver's WildFly module {@code org.postgresql}, whose class loader loads it. Plain
 * delegating classes, no reflection: every XA call of every transaction goes through them.
 */
public class RestartSafeXADataSource extends PGXADataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new RestartSafeConnection(super.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new RestartSafeConnection(super.getXAConnection(user, password));
    }

    /** {@code XAER_RMERR} caused by the server shutting down, as the {@code XAER_RMFAIL} it is. */
    static XAException restartSafe(XAException e) {
        if (e.errorCode != XAException.XAER_RMERR || !shutdown(e)) {
            return e;
        }
        XAException unavailable = new XAException("the database was shutting down: " + e.getMessage());
        unavailable.errorCode = XAException.XAER_RMFAIL;
        unavailable.initCause(e);
        return unavailable;
    }

    private static boolean shutdown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("08"))) {
                return true;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The driver's XA connection, handing out the restart-safe resource. */
    private record RestartSafeConnection(XAConnection delegate) implements XAConnection {
        @Override
        public XAResource getXAResource() throws SQLException {
            return new RestartSafeResource(delegate.getXAResource());
        }

        @Override
        public Connection getConnection() throws SQLException {
            return delegate.getConnection();
        }

        @Override
        public void close() throws SQLException {
            delegate.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            delegate.addConnectionEventListener(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            delegate.removeConnectionEventListener(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            delegate.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            delegate.removeStatementEventListener(listener);
        }
    }

    /** The driver's XA resource; commit and rollback failures due to a shutdown become {@code XAER_RMFAIL}. */
    private record RestartSafeResource(XAResource delegate) implements XAResource {
        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            try {
                delegate.commit(xid, onePhase);
            } catch (XAException e) {
                throw restartSafe(e);
            }
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            try {
                delegate.rollback(xid);
            } catch (XAException e) {
                throw restartSafe(e);
            }
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            delegate.end(xid, flags);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            delegate.forget(xid);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return delegate.getTransactionTimeout();
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return delegate.isSameRM(other instanceof RestartSafeResource wrapped ? wrapped.delegate() : other);
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return delegate.prepare(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return delegate.recover(flag);
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return delegate.setTransactionTimeout(seconds);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            delegate.start(xid, flags);
        }
    }
}
