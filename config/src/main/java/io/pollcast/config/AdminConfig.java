package io.pollcast.config;

import java.util.OptionalInt;

/**
 * Where the operator's endpoints ({@code /health}, {@code /ready}, {@code /metrics}) listen.
 *
 * @param port the TCP port; empty when they are off (the default), 0 for any free port
 * @param bind the address, 127.0.0.1 unless configured otherwise
 */
public record AdminConfig(OptionalInt port, String bind) {}
