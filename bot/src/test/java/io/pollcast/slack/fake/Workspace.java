package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake Slack workspace holds: channel messages, ephemeral messages, opened modals, files
 * and the bodies posted to {@code response_url}s, plus the ids Slack would issue (message {@code
 * ts}, trigger ids, view and file ids).
 *
 * <p>Tests read it to see what a bot did; the fake's Web API writes it. Thread-safe: every method
 * holds the workspace's lock, so a reader sees whole updates.
 */
public final class Workspace {
  /** How long Slack accepts a trigger id for opening a modal. */
  static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

  private final Map<String, SlackMessage> messages = new LinkedHashMap<>();
  private final List<Ephemeral> ephemerals = new ArrayList<>();
  private final Map<String, OpenedView> views = new LinkedHashMap<>();
  private final Map<String, SlackFile> files = new LinkedHashMap<>();
  private final List<ResponsePost> responsePosts = new ArrayList<>();
  private final Map<String, Long> triggerIssuedNanos = new LinkedHashMap<>();
  private final Map<String, List<String>> userGroups = new LinkedHashMap<>();
  private final long epochSecond = Instant.now().getEpochSecond();
  private long sequence;

  /** A {@code chat.postEphemeral}: visible to {@code user} only, never stored as a message. */
  public record Ephemeral(String channel, String user, String text, JsonNode blocks) {}

  /** A modal opened with {@code views.open}, as the bot defined it. */
  public record OpenedView(String id, String triggerId, JsonNode view) {
    /** The view's {@code callback_id}, which Bolt routes its submission by. */
    public String callbackId() {
      return view.path("callback_id").asText("");
    }
  }

  /** A body a bot posted to a {@code response_url} the fake handed out. */
  public record ResponsePost(String responseUrl, JsonNode body) {}

  /**
   * A file going through {@code filesUploadV2}: announced, uploaded, then completed (shared).
   *
   * @param content the uploaded bytes, empty until the upload POST arrived
   * @param channel where {@code files.completeUploadExternal} shared it, if anywhere
   */
  public record SlackFile(
      String id,
      String filename,
      int length,
      Optional<ByteBuffer> content,
      boolean completed,
      String title,
      Optional<String> channel) {
    /** A copy of the uploaded bytes (empty if nothing was uploaded). */
    public byte[] bytes() {
      return content
          .map(
              buffer -> {
                byte[] copy = new byte[buffer.remaining()];
                buffer.duplicate().get(copy);
                return copy;
              })
          .orElseGet(() -> new byte[0]);
    }
  }

  // ---- queries for tests

  /** The message {@code ts} in {@code channel}, as last updated. */
  public synchronized Optional<SlackMessage> message(String channel, String ts) {
    return Optional.ofNullable(messages.get(key(channel, ts)));
  }

  /** The messages of {@code channel} in posting order. */
  public synchronized List<SlackMessage> messages(String channel) {
    return messages.values().stream().filter(m -> m.channel().equals(channel)).toList();
  }

  /** Every ephemeral message posted so far. */
  public synchronized List<Ephemeral> ephemerals() {
    return List.copyOf(ephemerals);
  }

  /** Every modal opened so far. */
  public synchronized List<OpenedView> views() {
    return List.copyOf(views.values());
  }

  /** The modal with {@code viewId}. */
  public synchronized Optional<OpenedView> view(String viewId) {
    return Optional.ofNullable(views.get(viewId));
  }

  /** Every file announced so far, in any state. */
  public synchronized List<SlackFile> files() {
    return List.copyOf(files.values());
  }

  /** Every body posted to one of the fake's response URLs. */
  public synchronized List<ResponsePost> responsePosts() {
    return List.copyOf(responsePosts);
  }

  /** The bodies posted to {@code responseUrl}. */
  public synchronized List<ResponsePost> responsePosts(String responseUrl) {
    return responsePosts.stream().filter(p -> p.responseUrl().equals(responseUrl)).toList();
  }

  /**
   * Stores a message as if the bot had posted it earlier (say, before a restart), so a test can
   * click its buttons.
   */
  public synchronized SlackMessage seedMessage(String channel, String text, JsonNode blocks) {
    return postMessage(channel, text, blocks, Optional.empty());
  }

  /** Creates or replaces the user group {@code groupId} ({@code S…}) with these members. */
  public synchronized void setUserGroup(String groupId, List<String> members) {
    userGroups.put(groupId, List.copyOf(members));
  }

  // ---- changes made by the fake's Web API

  synchronized Optional<List<String>> userGroup(String groupId) {
    return Optional.ofNullable(userGroups.get(groupId));
  }

  synchronized SlackMessage postMessage(
      String channel, String text, JsonNode blocks, Optional<String> threadTs) {
    SlackMessage message = new SlackMessage(channel, nextTs(), text, blocks, 1, threadTs);
    messages.put(key(channel, message.ts()), message);
    return message;
  }

  synchronized Optional<SlackMessage> updateMessage(
      String channel, String ts, Optional<String> text, Optional<JsonNode> blocks) {
    SlackMessage old = messages.get(key(channel, ts));
    if (old == null) {
      return Optional.empty();
    }
    SlackMessage updated = old.updated(text.orElse(old.text()), blocks.orElse(old.blocks()));
    messages.put(key(channel, ts), updated);
    return Optional.of(updated);
  }

  synchronized String postEphemeral(String channel, String user, String text, JsonNode blocks) {
    ephemerals.add(new Ephemeral(channel, user, text, blocks));
    return nextTs();
  }

  synchronized String issueTriggerId() {
    String triggerId = String.format(Locale.ROOT, "%d.%d.fake%06x", epochSecond, 42, ++sequence);
    triggerIssuedNanos.put(triggerId, System.nanoTime());
    return triggerId;
  }

  /** Whether {@code triggerId} was issued, and not longer ago than {@link #TRIGGER_LIFETIME}. */
  synchronized TriggerState triggerState(String triggerId) {
    Long issued = triggerIssuedNanos.get(triggerId);
    if (issued == null) {
      return TriggerState.UNKNOWN;
    }
    boolean fresh = System.nanoTime() - issued <= TRIGGER_LIFETIME.toNanos();
    return fresh ? TriggerState.VALID : TriggerState.EXPIRED;
  }

  enum TriggerState {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  synchronized OpenedView openView(String triggerId, JsonNode view) {
    OpenedView opened = new OpenedView(nextId("V"), triggerId, view);
    views.put(opened.id(), opened);
    return opened;
  }

  synchronized SlackFile announceFile(String filename, int length) {
    SlackFile file =
        new SlackFile(
            nextId("F"), filename, length, Optional.empty(), false, filename, Optional.empty());
    files.put(file.id(), file);
    return file;
  }

  /** Stores uploaded bytes; false if the fake never issued an upload URL for {@code fileId}. */
  synchronized boolean upload(String fileId, byte[] bytes) {
    SlackFile file = files.get(fileId);
    if (file == null) {
      return false;
    }
    ByteBuffer content = ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
    files.put(
        fileId,
        new SlackFile(
            fileId,
            file.filename(),
            file.length(),
            Optional.of(content),
            file.completed(),
            file.title(),
            file.channel()));
    return true;
  }

  /** Shares an uploaded file; empty if it was never announced or its bytes never arrived. */
  synchronized Optional<SlackFile> complete(String fileId, String title, Optional<String> channel) {
    SlackFile file = files.get(fileId);
    if (file == null || file.content().isEmpty()) {
      return Optional.empty();
    }
    SlackFile done =
        new SlackFile(fileId, file.filename(), file.length(), file.content(), true, title, channel);
    files.put(fileId, done);
    return Optional.of(done);
  }

  synchronized void recordResponsePost(String responseUrl, JsonNode body) {
    responsePosts.add(new ResponsePost(responseUrl, body));
  }

  /** A fresh id with Slack's shape: a type letter and upper-case alphanumerics. */
  synchronized String nextId(String prefix) {
    return String.format(Locale.ROOT, "%s0FAKE%05X", prefix, ++sequence);
  }

  private String nextTs() {
    long n = ++sequence;
    return String.format(Locale.ROOT, "%d.%06d", epochSecond + n / 1_000_000, n % 1_000_000);
  }

  private static String key(String channel, String ts) {
    return channel + "/" + ts;
  }
}
