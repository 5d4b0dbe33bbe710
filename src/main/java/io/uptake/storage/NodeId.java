package io.uptake.storage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This process's name among the nodes that share one database ({@code UPTAKE_NODE_ID}): the scheduler's instance
 * id in Quartz's cluster, the node its outbox claims carry, and the node {@code /health} and {@code /prometheus}
 * name. One id for all of them, so an operator reading a stuck claim, a health page and a metric sees the same node.
 *
 * <p>Unset, it is the host name and a random suffix: an operator can tell nodes apart, and two processes on one
 * host (or a process restarted before the others forgot the last one) never share an id. Two live nodes must never
 * share one: each would take the other's claims and running jobs for its own leftovers from a crash.
 */
@Singleton
public final class NodeId {

    /**
     * An outbox claim is the id, ':' and a pass number of up to 19 digits, kept in a VARCHAR(100); Quartz keeps the
     * id in a VARCHAR(200).
     */
    static final int LONGEST = 80;

    private final String value;

    NodeId(@Value("${uptake.node-id:}") String configured) {
        String trimmed = configured == null ? "" : configured.trim();
        if (trimmed.length() > LONGEST) {
            throw new IllegalArgumentException("UPTAKE_NODE_ID (uptake.node-id) must be at most " + LONGEST
                    + " characters, was " + trimmed.length());
        }
        if (trimmed.contains(":")) {
            throw new IllegalArgumentException("UPTAKE_NODE_ID (uptake.node-id) must not contain ':', which separates "
                    + "the node from the pass in an outbox claim; was " + trimmed);
        }
        this.value = trimmed.isEmpty() ? generated() : trimmed;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host.replace(':', '-') + "-" + HexFormat.of().formatHex(suffix);
    }
}
