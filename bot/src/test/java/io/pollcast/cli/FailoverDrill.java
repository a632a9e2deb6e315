package io.pollcast.cli;

import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.discord.fake.InteractionCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One failover on Discord: members click vote buttons in a burst, the process holding the gateway
 * is killed with SIGKILL in the middle of it, the standby takes the gateway over, and the members
 * who had not clicked yet click then. Measures how long the takeover took and which clicks were
 * acknowledged. Every member clicks once, so an acknowledged click has one expected vote.
 */
final class FailoverDrill {
  /** What a member reads when a vote counted, in English. */
  static final String COUNTED = "Your vote counts: ";

  private final Instances instances;
  private final List<PollMessage> polls;

  /** A Discord poll message: the poll's id and its buttons' custom ids, option by option. */
  record PollMessage(String messageId, List<String> buttonIds) {}

  /** One click: who, on which poll message, which option. */
  record Click(FakeInteraction interaction, FakeMember voter, PollMessage poll, int option) {}

  /**
   * What a failover did.
   *
   * @param takeover from the kill to the standby's new gateway session
   * @param sent clicks the fake delivered to a process
   * @param undelivered clicks made while no process was connected (Discord shows them as failed)
   * @param acknowledged clicks answered with "your vote counts"
   */
  record Round(Duration takeover, List<Click> sent, int undelivered, List<Click> acknowledged) {

    /** Clicks that got no acknowledgement: in flight on the killed process, or undelivered. */
    int unanswered() {
      return sent.size() + undelivered - acknowledged.size();
    }
  }

  FailoverDrill(Instances instances, List<PollMessage> polls) {
    this.instances = instances;
    this.polls = polls;
  }

  /** The Discord poll messages of the episode started in the channel, once all are posted. */
  static List<PollMessage> pollMessages(FakeDiscord discord, int count) {
    return discord.await(
        Instances.WAIT,
        count + " poll messages",
        () -> {
          List<PollMessage> found = new ArrayList<>();
          for (FakeMessage message : discord.messagesInChannel()) {
            if (message.buttonIds().size() >= 2) {
              found.add(new PollMessage(message.id(), message.buttonIds()));
            }
          }
          return found.size() >= count ? Optional.of(found.subList(0, count)) : Optional.empty();
        });
  }

  /**
   * Has {@code before} click while {@code holder} holds the gateway, kills it once {@code
   * killAfter} of their clicks are acknowledged, waits for the standby's session, then has {@code
   * after} click, and waits until each of those is answered.
   */
  Round run(Instances.Bot holder, List<FakeMember> before, int killAfter, List<FakeMember> after)
      throws InterruptedException {
    FakeDiscord discord = instances.discord;
    List<Click> sent = new CopyOnWriteArrayList<>();
    AtomicInteger undelivered = new AtomicInteger();
    int sessions = discord.identifications();
    Thread burst =
        new Thread(
            () -> {
              for (int i = 0; i < before.size(); i++) {
                click(before.get(i), i, sent, undelivered);
              }
            },
            "failover-burst");
    burst.start();
    discord.await(
        Instances.WAIT,
        killAfter + " acknowledged clicks",
        () -> acknowledged(sent).size() >= killAfter ? Optional.of(true) : Optional.empty());
    long killedAt = System.nanoTime();
    holder.process().close();
    discord.await(
        Instances.WAIT,
        "the standby's gateway session",
        () -> discord.identifications() > sessions ? Optional.of(true) : Optional.empty());
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    burst.join();
    List<Click> late = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      late.addAll(click(after.get(i), before.size() + i, sent, undelivered));
    }
    discord.await(
        Instances.WAIT,
        "an answer to each of " + late.size() + " clicks after the takeover",
        () -> acknowledged(late).size() == late.size() ? Optional.of(true) : Optional.empty());
    return new Round(takeover, List.copyOf(sent), undelivered.get(), acknowledged(sent));
  }

  private List<Click> click(FakeMember voter, int n, List<Click> sent, AtomicInteger undelivered) {
    PollMessage poll = polls.get(n % polls.size());
    int option = (n / polls.size()) % 2;
    try {
      FakeInteraction interaction =
          instances.discord.clickButton(voter, poll.messageId(), poll.buttonIds().get(option));
      Click click = new Click(interaction, voter, poll, option);
      sent.add(click);
      return List.of(click);
    } catch (RuntimeException e) {
      // no process is connected to the gateway: Discord tells the member the click failed
      undelivered.incrementAndGet();
      return List.of();
    }
  }

  /** The clicks answered with "your vote counts". */
  List<Click> acknowledged(List<Click> clicks) {
    List<Click> counted = new ArrayList<>();
    for (Click click : clicks) {
      List<InteractionCallback> callbacks = instances.discord.callbacksOf(click.interaction());
      boolean accepted = callbacks.stream().anyMatch(InteractionCallback::accepted);
      if (accepted
          && instances
              .discord
              .originalResponse(click.interaction())
              .filter(m -> m.content().startsWith(COUNTED))
              .isPresent()) {
        counted.add(click);
      }
    }
    return counted;
  }
}
