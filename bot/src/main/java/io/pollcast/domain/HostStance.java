package io.pollcast.domain;

import java.util.Optional;

/**
 * Where a host stands on a thesis. Hosts act publicly, so they are named unless the configuration
 * says otherwise.
 *
 * @param host the host's display name; empty when names are not shown
 * @param label the option the host chose
 */
public record HostStance(Optional<String> host, String label) {}
