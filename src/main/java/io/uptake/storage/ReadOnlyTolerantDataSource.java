package io.uptake.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections ignore {@code setReadOnly}.
 *
 * <p>Micronaut Data marks read-only transactions with {@link Connection#setReadOnly(boolean)}; the SQLite
 * driver refuses that call once a connection is open. Read-only transactions still behave correctly without
 * the flag: it is a hint, not a guard.
 */
final class ReadOnlyTolerantDataSource implements DataSource {

    private final DataSource target;

    ReadOnlyTolerantDataSource(DataSource target) {
        this.target = target;
    }

    DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) {
        InvocationHandler handler = new IgnoreReadOnly(connection);
        return (Connection) Proxy.newProxyInstance(ReadOnlyTolerantDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    private record IgnoreReadOnly(Connection connection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("setReadOnly")) {
                return null;
            }
            if (method.getName().equals("isReadOnly")) {
                return false;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
