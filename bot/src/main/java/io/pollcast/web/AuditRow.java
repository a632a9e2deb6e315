package io.pollcast.web;

/**
 * One line of the audit log page, formatted. Names the host or moderator and the platform, never a
 * platform user id.
 */
public record AuditRow(
    String when, String who, String platform, String action, String episode, String detail) {}
