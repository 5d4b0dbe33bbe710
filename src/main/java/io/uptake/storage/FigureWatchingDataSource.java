package io.uptake.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that moves the {@link FigureVersion} on once a write to a {@link FigureTables figure table} is
 * committed: at once in auto-commit, at {@code commit} inside a transaction (so a scorecard computed meanwhile,
 * from the data before the write, is not kept under the new version).
 */
final class FigureWatchingDataSource implements DataSource {

    private static final Set<String> EXECUTE = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch", "addBatch");

    private final DataSource target;
    private final FigureVersion version;

    FigureWatchingDataSource(DataSource target, FigureVersion version) {
        this.target = target;
        this.version = version;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watch(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watch(target.getConnection(username, password));
    }

    private Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(FigureWatchingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Watched(connection));
    }

    /** One connection: remembers an uncommitted write to a figure table until it is committed or rolled back. */
    private final class Watched implements InvocationHandler {

        private final Connection connection;
        private boolean pending;

        Watched(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result;
            try {
                result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            switch (name) {
                case "commit" -> committed();
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        pending = false;
                    }
                }
                case "setAutoCommit" -> {
                    if ((Boolean) args[0]) {
                        committed();
                    }
                }
                case "close" -> pending = false;
                case "prepareStatement", "prepareCall" -> {
                    if (FigureTables.writtenBy((String) args[0])) {
                        return statement(result, name.equals("prepareCall") ? CallableStatement.class
                                : PreparedStatement.class, true);
                    }
                }
                case "createStatement" -> {
                    return statement(result, Statement.class, false);
                }
                default -> {
                }
            }
            return result;
        }

        private void committed() {
            if (pending) {
                pending = false;
                version.bump();
            }
        }

        void written() throws SQLException {
            if (connection.getAutoCommit()) {
                version.bump();
            } else {
                pending = true;
            }
        }

        private Object statement(Object statement, Class<?> type, boolean writes) {
            return Proxy.newProxyInstance(FigureWatchingDataSource.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(statement, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (EXECUTE.contains(method.getName()) && (writes || args != null && args.length > 0
                                && args[0] instanceof String sql && FigureTables.writtenBy(sql))) {
                            written();
                        }
                        return result;
                    });
        }
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
}
