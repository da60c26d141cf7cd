package io.squidmesh.postgres;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * {@code provision.sh} into the driver's WildFly module {@code org.postgresql}, whose class loader loads it.
 */
public class RestartSafeXADataSource extends PGXADataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return wrap(super.getXAConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return wrap(super.getXAConnection(user, password));
    }

    private static XAConnection wrap(XAConnection connection) {
        return (XAConnection) Proxy.newProxyInstance(RestartSafeXADataSource.class.getClassLoader(),
                new Class<?>[] {XAConnection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    return "getXAResource".equals(method.getName()) ? resource((XAResource) result) : result;
                });
    }

    private static XAResource resource(XAResource resource) {
        InvocationHandler handler = (proxy, method, args) -> {
            if ("isSameRM".equals(method.getName()) && args[0] != null && Proxy.isProxyClass(args[0].getClass())
                    && Proxy.getInvocationHandler(args[0]) instanceof Unwrappable other) {
                return resource.isSameRM(other.delegate());
            }
            try {
                return invoke(resource, method, args);
            } catch (XAException e) {
                throw restartSafe(e);
            }
        };
        return (XAResource) Proxy.newProxyInstance(RestartSafeXADataSource.class.getClassLoader(),
                new Class<?>[] {XAResource.class}, new UnwrappableHandler(resource, handler));
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

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Something that wraps an XA resource and can hand it out again (for {@code isSameRM}). */
    private interface Unwrappable {
        XAResource delegate();
    }

    private record UnwrappableHandler(XAResource delegate, InvocationHandler handler)
            implements InvocationHandler, Unwrappable {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return handler.invoke(proxy, method, args);
        }
    }
}
