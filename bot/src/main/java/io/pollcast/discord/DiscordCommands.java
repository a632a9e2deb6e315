package io.pollcast.discord;

import io.pollcast.text.Messages;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The slash command Pollcast registers: {@code /poll} with the subcommands start, close, after,
 * stance, reopen, tally, episodes, import, my-data, forget-me, dashboard and overlay, described in
 * the configured language.
 *
 * <p>It is usable by every member in guild channels: listing episodes is for everyone, and the poll
 * service checks the roles of whoever starts, closes, imports or asks for a tally. Server
 * administrators can narrow it further under Server Settings → Integrations.
 */
final class DiscordCommands {
  static final String POLL = "poll";
  static final String START = "start";
  static final String CLOSE = "close";
  static final String TALLY = "tally";
  static final String EPISODES = "episodes";
  static final String IMPORT = "import";
  static final String REOPEN = "reopen";
  static final String MY_DATA = "my-data";
  static final String FORGET_ME = "forget-me";
  static final String DASHBOARD = "dashboard";
  static final String OVERLAY = "overlay";
  static final String EPISODE = "episode";
  static final String CLOSES = "closes";
  static final String FILE = "file";
  static final String AFTER = "after";
  static final String STANCE = "stance";
  static final String DEBATE = "debate";
  static final String THESIS = "thesis";
  static final String OPTION = "option";
  static final String REASONS = "reasons";
  static final String FEATURE = "feature";
  static final String HIDE = "hide";
  static final String SHOW = "show";
  static final String REASON = "reason";

  /** The importer's highest episode number. */
  private static final int MAX_EPISODE = 99_999;

  private static final int MAX_CLOSES_LENGTH = 40;
  private static final int MAX_REFERENCE_LENGTH = 12;
  private static final int MAX_OPTION_LENGTH = 40;
  private static final int MAX_REASON_ID_LENGTH = 20;

  private DiscordCommands() {}

  /** The definition of {@code /poll}, with descriptions from the Discord bundle. */
  static SlashCommandData poll(Messages texts) {
    return Commands.slash(POLL, texts.get("command.poll"))
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(DefaultMemberPermissions.ENABLED)
        .addSubcommands(
            new SubcommandData(START, texts.get("command.start"))
                .addOptions(
                    episode(texts),
                    closes(texts),
                    new OptionData(OptionType.BOOLEAN, DEBATE, texts.get("option.debate"), false),
                    new OptionData(OptionType.STRING, AFTER, texts.get("option.after"), false)
                        .setMaxLength(MAX_CLOSES_LENGTH)),
            new SubcommandData(CLOSE, texts.get("command.close")).addOptions(episode(texts)),
            new SubcommandData(AFTER, texts.get("command.after")).addOptions(episode(texts)),
            new SubcommandData(STANCE, texts.get("command.stance"))
                .addOptions(
                    new OptionData(OptionType.STRING, THESIS, texts.get("option.thesis"), true)
                        .setMaxLength(MAX_REFERENCE_LENGTH),
                    new OptionData(OptionType.STRING, OPTION, texts.get("option.option"), true)
                        .setMaxLength(MAX_OPTION_LENGTH)),
            new SubcommandData(REOPEN, texts.get("command.reopen"))
                .addOptions(episode(texts), closes(texts)),
            new SubcommandData(TALLY, texts.get("command.tally")).addOptions(episode(texts)),
            new SubcommandData(EPISODES, texts.get("command.episodes")),
            new SubcommandData(IMPORT, texts.get("command.import"))
                .addOptions(
                    new OptionData(OptionType.ATTACHMENT, FILE, texts.get("option.file"), false)),
            new SubcommandData(MY_DATA, texts.get("command.my-data")),
            new SubcommandData(FORGET_ME, texts.get("command.forget-me")),
            new SubcommandData(DASHBOARD, texts.get("command.dashboard")),
            new SubcommandData(OVERLAY, texts.get("command.overlay")).addOptions(episode(texts)),
            new SubcommandData(REASONS, texts.get("command.reasons")).addOptions(thesis(texts)),
            reasonCommand(FEATURE, texts),
            reasonCommand(HIDE, texts),
            reasonCommand(SHOW, texts));
  }

  private static SubcommandData reasonCommand(String name, Messages texts) {
    return new SubcommandData(name, texts.get("command." + name))
        .addOptions(
            thesis(texts),
            new OptionData(OptionType.STRING, REASON, texts.get("option.reason"), true)
                .setMaxLength(MAX_REASON_ID_LENGTH));
  }

  private static OptionData thesis(Messages texts) {
    return new OptionData(OptionType.STRING, THESIS, texts.get("option.thesis"), true)
        .setMaxLength(MAX_REFERENCE_LENGTH);
  }

  /** The full names of the subcommands ("poll start", ...), as events report them. */
  static List<String> fullNames(SlashCommandData command) {
    return command.getSubcommands().stream()
        .map(sub -> command.getName() + " " + sub.getName())
        .toList();
  }

  static String fullName(String subcommand) {
    return POLL + " " + subcommand;
  }

  private static OptionData closes(Messages texts) {
    return new OptionData(OptionType.STRING, CLOSES, texts.get("option.closes"), false)
        .setMaxLength(MAX_CLOSES_LENGTH);
  }

  private static OptionData episode(Messages texts) {
    return new OptionData(OptionType.INTEGER, EPISODE, texts.get("option.episode"), true)
        .setRequiredRange(1, MAX_EPISODE);
  }
}
