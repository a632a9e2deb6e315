package io.pollcast.privacy;

/**
 * What {@code /poll forget-me} removed.
 *
 * @param withdrawn votes withdrawn from open polls (no longer counted)
 * @param detached votes on closed polls whose link to the member was removed; they stay in the
 *     published counts
 * @param auditEntries audit log lines that name the member, which are kept
 * @param reasons the member's reasons removed
 */
public record ForgetReport(int withdrawn, int detached, int auditEntries, int reasons) {

  /** A report on a member who had given no reason. */
  public ForgetReport(int withdrawn, int detached, int auditEntries) {
    this(withdrawn, detached, auditEntries, 0);
  }

  /** Whether there was nothing to remove. */
  public boolean nothing() {
    return withdrawn == 0 && detached == 0 && reasons == 0;
  }
}
