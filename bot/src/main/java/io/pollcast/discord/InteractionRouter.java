package io.pollcast.discord;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that routes Discord interactions to their handlers: slash commands by their full
 * name ({@code "poll start"}), buttons and forms by the part of their custom id before the first
 * colon ({@code "poll"} in {@code poll:12:0}). It fails fast: registering a name twice is an error
 * at start-up, and an interaction nobody handles gets a clear private answer and is logged, never
 * silently dropped.
 *
 * <p>Threading: handlers are called on JDA's event thread and must hand any slow work to threads of
 * their own.
 */
final class InteractionRouter extends ListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);
  private final Map<String, Consumer<SlashCommandInteractionEvent>> commands;
  private final Map<String, Consumer<ButtonInteractionEvent>> buttons;
  private final Map<String, Consumer<ModalInteractionEvent>> forms;
  private final String unknownText;

  private InteractionRouter(Builder builder) {
    this.commands = Map.copyOf(builder.commands);
    this.buttons = Map.copyOf(builder.buttons);
    this.forms = Map.copyOf(builder.forms);
    this.unknownText = builder.unknownText;
  }

  /** Starts a router; {@code unknownText} is the answer to an interaction no handler takes. */
  static Builder builder(String unknownText) {
    return new Builder(unknownText);
  }

  /** The full names of the commands it routes. */
  Set<String> commandNames() {
    return commands.keySet();
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    route(event, "command", event.getFullCommandName(), commands.get(event.getFullCommandName()));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    route(event, "button", id, buttons.get(prefix(id)));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    String id = event.getModalId();
    route(event, "form", id, forms.get(prefix(id)));
  }

  private <E extends IReplyCallback> void route(
      E event, String kind, String name, Consumer<E> handler) {
    if (handler == null) {
      LOG.warn("No handler for {} \"{}\"; answered as unknown", kind, name);
      Replies.reply(event, unknownText);
      return;
    }
    try {
      handler.accept(event);
    } catch (RuntimeException e) {
      LOG.error("The handler of {} \"{}\" failed", kind, name, e);
      if (!event.isAcknowledged()) {
        Replies.reply(event, unknownText);
      }
    }
  }

  private static String prefix(String customId) {
    int colon = customId.indexOf(':');
    return colon < 0 ? customId : customId.substring(0, colon);
  }

  /** Collects the routes; refuses a name registered twice. Not thread-safe. */
  static final class Builder {
    private final Map<String, Consumer<SlashCommandInteractionEvent>> commands = new HashMap<>();
    private final Map<String, Consumer<ButtonInteractionEvent>> buttons = new HashMap<>();
    private final Map<String, Consumer<ModalInteractionEvent>> forms = new HashMap<>();
    private final String unknownText;

    private Builder(String unknownText) {
      this.unknownText = unknownText;
    }

    /** Routes a slash command by its full name, e.g. {@code "poll start"}. */
    Builder command(String fullName, Consumer<SlashCommandInteractionEvent> handler) {
      return add(commands, "command", fullName, handler);
    }

    /** Routes buttons whose custom id starts with {@code prefix} and a colon (or is it). */
    Builder button(String prefix, Consumer<ButtonInteractionEvent> handler) {
      return add(buttons, "button prefix", prefix, handler);
    }

    /** Routes forms (modals) whose id starts with {@code prefix} and a colon (or is it). */
    Builder form(String prefix, Consumer<ModalInteractionEvent> handler) {
      return add(forms, "form prefix", prefix, handler);
    }

    /**
     * Builds the router, checking that it routes exactly the commands that are registered with
     * Discord: a command without a handler, or a handler without a command, is a start-up error.
     */
    InteractionRouter build(List<String> registeredCommands) {
      Set<String> registered = new HashSet<>();
      for (String name : registeredCommands) {
        if (!registered.add(name)) {
          throw new IllegalStateException("Command \"" + name + "\" is defined twice");
        }
      }
      if (!registered.equals(commands.keySet())) {
        Set<String> unrouted = new HashSet<>(registered);
        unrouted.removeAll(commands.keySet());
        Set<String> undefined = new HashSet<>(commands.keySet());
        undefined.removeAll(registered);
        throw new IllegalStateException(
            "Commands without a handler: "
                + unrouted
                + "; handlers without a command: "
                + undefined);
      }
      return new InteractionRouter(this);
    }

    private <E> Builder add(Map<String, E> routes, String kind, String name, E handler) {
      if (name.isBlank() || (!kind.equals("command") && name.contains(":"))) {
        throw new IllegalArgumentException("Invalid " + kind + " \"" + name + "\"");
      }
      if (routes.putIfAbsent(name, handler) != null) {
        throw new IllegalStateException("Duplicate " + kind + " \"" + name + "\"");
      }
      return this;
    }
  }
}
