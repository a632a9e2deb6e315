package io.pollcast.config;

import java.time.Duration;

/**
 * What the bot's web server allows a client, so that slow or greedy clients cannot hold it: the
 * endpoint is the one part of the bot anyone on the internet can reach.
 *
 * @param headerTimeout time from a connection's opening (or its previous answer) to the end of the
 *     next request's headers
 * @param bodyTimeout time from the end of a request's headers to its answer, body included
 * @param idleTimeout how long a connection may stay silent
 * @param maxConnections open connections in all
 * @param maxConnectionsPerAddress open connections from one client address
 */
public record WebServerLimits(
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration idleTimeout,
    int maxConnections,
    int maxConnectionsPerAddress) {}
