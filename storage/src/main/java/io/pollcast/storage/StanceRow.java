package io.pollcast.storage;

/**
 * A host's stance on a thesis as stored. Hosts act publicly, so they are named, as in the audit
 * log.
 *
 * @param thesisNumber the thesis
 * @param displayName the host's display name when they took the stance
 * @param optionLabel the option they stand for
 */
public record StanceRow(int thesisNumber, String displayName, String optionLabel) {}
