package io.pollcast.importer;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.StanceDraft;
import io.pollcast.domain.ThesisDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an episode written as HOCON, for hosts who prefer a structured file to show notes:
 *
 * <pre>
 * number = 68
 * title = "Personalisatie, profiling en privacy"
 * options = [Eens, Oneens]          # optional
 * closes = 3d                       # optional; quote date-times: "2026-12-01T20:00"
 * debate = true                     # optional: votes before and after listening
 * theses = [
 *   { text = "Bedrijven die ...", context = "..." }
 *   { number = 3, text = "..." }    # number is optional
 *   { text = "...", stance = Eens } # optional: where the hosts stand
 *   { text = "...", stance { Anna = Eens, Bert = Oneens } }  # or each host by name
 * ]
 * </pre>
 *
 * <p>A thesis without {@code number} gets the number after the previous one, starting at 1; a
 * thesis may also be a plain string. The rules are those of {@link ShowNotesParser}: the same
 * limits, numbers unique and increasing. Unknown keys are refused so a typo does not silently drop
 * a setting; {@code include} is refused and substitutions never read environment variables.
 * Instances hold no state and may be shared.
 */
public final class HoconEpisodeParser {
  private static final Set<String> EPISODE_KEYS =
      Set.of("number", "title", "options", "closes", "debate", "theses");
  private static final Set<String> THESIS_KEYS = Set.of("number", "text", "context", "stance");
  private static final int MAX_HOST_NAME = 100;

  /** Parses HOCON text; {@code source} names the text in error messages, e.g. the file name. */
  public EpisodeDraft parse(String text, String source) throws EpisodeFormatException {
    EpisodeRules rules = new EpisodeRules(source);
    HoconFields fields = new HoconFields(rules);
    ConfigObject root = HoconDocument.parse(text, rules);
    fields.refuseUnknownKeys(root, EPISODE_KEYS, "");

    ConfigValue numberValue = fields.required(root, "number", "the episode number");
    int number =
        rules.episodeNumber(
            HoconFields.line(numberValue), fields.wholeNumber(numberValue, "\"number\""));
    ConfigValue titleValue = fields.required(root, "title", "the episode title");
    String title = rules.title(HoconFields.line(titleValue), fields.text(titleValue, "\"title\""));

    List<String> options = List.of();
    Optional<ConfigValue> optionsValue = fields.optional(root, "options");
    if (optionsValue.isPresent()) {
      options =
          rules.options(
              HoconFields.line(optionsValue.get()),
              fields.texts(optionsValue.get(), "\"options\""));
    }
    Optional<ClosingTime> closing = Optional.empty();
    Optional<ConfigValue> closesValue = fields.optional(root, "closes");
    if (closesValue.isPresent()) {
      closing = Optional.of(closingTime(rules, fields, closesValue.get()));
    }
    List<ThesisDraft> theses =
        theses(rules, fields, fields.required(root, "theses", "the list of theses"));
    boolean debate = false;
    Optional<ConfigValue> debateValue = fields.optional(root, "debate");
    if (debateValue.isPresent()) {
      if (!(debateValue.get().unwrapped() instanceof Boolean flag)) {
        throw rules.problem(
            HoconFields.line(debateValue.get()), "voting", debateValue.get().render());
      }
      debate = flag;
    }
    return new EpisodeDraft(number, title, theses, options, closing).withDebate(debate);
  }

  private static ClosingTime closingTime(EpisodeRules rules, HoconFields fields, ConfigValue value)
      throws EpisodeFormatException {
    String text = fields.text(value, "\"closes\"");
    try {
      return ClosingTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw rules.problemCausedBy(e, HoconFields.line(value), "closing", e.getMessage());
    }
  }

  private static List<ThesisDraft> theses(EpisodeRules rules, HoconFields fields, ConfigValue value)
      throws EpisodeFormatException {
    List<? extends ConfigValue> elements =
        fields.list(value, "\"theses\"", "[ { text = \"...\" } ]");
    if (elements.isEmpty()) {
      throw rules.problem(HoconFields.line(value), "hocon-no-theses");
    }
    ThesisNumbering numbering = new ThesisNumbering(rules);
    List<ThesisDraft> theses = new ArrayList<>();
    int previous = 0;
    for (ConfigValue element : elements) {
      ThesisDraft thesis = thesis(rules, fields, element, previous + 1);
      numbering.add(thesis.number(), HoconFields.line(element));
      theses.add(thesis);
      previous = thesis.number();
    }
    return theses;
  }

  private static ThesisDraft thesis(
      EpisodeRules rules, HoconFields fields, ConfigValue element, int implicitNumber)
      throws EpisodeFormatException {
    int line = HoconFields.line(element);
    if (element.valueType() != ConfigValueType.OBJECT) {
      String text = fields.text(element, "a thesis");
      return new ThesisDraft(implicitNumber, rules.thesisText(line, implicitNumber, text), "");
    }
    ConfigObject object = (ConfigObject) element;
    Optional<ConfigValue> numberValue = fields.optional(object, "number");
    int number = implicitNumber;
    if (numberValue.isPresent()) {
      number =
          rules.thesisNumber(
              HoconFields.line(numberValue.get()),
              fields.wholeNumber(numberValue.get(), "the thesis \"number\""));
    }
    fields.refuseUnknownKeys(object, THESIS_KEYS, " in thesis " + number);
    Optional<ConfigValue> textValue = fields.optional(object, "text");
    if (textValue.isEmpty()) {
      throw rules.problem(line, "hocon-no-text", String.valueOf(number));
    }
    String text =
        rules.thesisText(
            HoconFields.line(textValue.get()),
            number,
            fields.text(textValue.get(), "the \"text\" of thesis " + number));
    String context = "";
    Optional<ConfigValue> contextValue = fields.optional(object, "context");
    if (contextValue.isPresent()) {
      context =
          rules.context(
              HoconFields.line(contextValue.get()),
              number,
              fields.text(contextValue.get(), "the \"context\" of thesis " + number));
    }
    Optional<ConfigValue> stanceValue = fields.optional(object, "stance");
    List<StanceDraft> stances =
        stanceValue.isPresent() ? stances(rules, fields, stanceValue.get(), number) : List.of();
    return new ThesisDraft(number, text, context, stances);
  }

  /**
   * {@code stance = Eens} for the hosts together, or {@code stance { Anna = Eens }} per host by
   * name. Whether the label is an option of the episode is checked when it is imported.
   */
  private static List<StanceDraft> stances(
      EpisodeRules rules, HoconFields fields, ConfigValue value, int thesis)
      throws EpisodeFormatException {
    String name = "the \"stance\" of thesis " + thesis;
    if (value.valueType() != ConfigValueType.OBJECT) {
      return List.of(
          new StanceDraft(
              Optional.empty(), label(rules, fields, value, name), HoconFields.line(value)));
    }
    List<Map.Entry<String, ConfigValue>> hosts =
        ((ConfigObject) value)
            .entrySet().stream()
                .sorted(Comparator.comparingInt(e -> HoconFields.line(e.getValue())))
                .toList();
    if (hosts.isEmpty()) {
      throw rules.problem(
          HoconFields.line(value),
          "hocon",
          name + " names no host; write stance = Eens or stance { Anna = Eens }");
    }
    List<StanceDraft> stances = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> host : hosts) {
      String hostName = host.getKey().strip();
      int line = HoconFields.line(host.getValue());
      if (hostName.isEmpty() || hostName.length() > MAX_HOST_NAME) {
        throw rules.problem(
            line, "hocon", "a host's name in " + name + " must be 1 to 100 characters");
      }
      String label = label(rules, fields, host.getValue(), "the stance of " + hostName);
      stances.add(new StanceDraft(Optional.of(hostName), label, line));
    }
    return stances;
  }

  private static String label(
      EpisodeRules rules, HoconFields fields, ConfigValue value, String name)
      throws EpisodeFormatException {
    String label = fields.text(value, name).strip();
    if (label.isEmpty()) {
      throw rules.problem(HoconFields.line(value), "hocon", name + " is empty");
    }
    return label;
  }
}
