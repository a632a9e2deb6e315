package io.pollcast.privacy;

/**
 * What {@code /poll forget-me} removed.
 *
 * @param withdrawn votes withdrawn from open polls (no longer counted)
 * @param detached votes on closed polls whose link to the member was removed; they stay in the
 *     published counts
 * @param auditEntries audit log lines that name the member, which are kept
 */
public record ForgetReport(int withdrawn, int detached, int auditEntries) {

  /** Whether there was nothing to remove. */
  public boolean nothing() {
    return withdrawn == 0 && detached == 0;
  }
}
