package io.pollcast.importer;

import io.pollcast.importer.ShowNotesSyntax.EpisodeNumberLine;
import io.pollcast.importer.ShowNotesSyntax.Label;
import io.pollcast.importer.ShowNotesSyntax.ThesisHeading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads show notes, the plain text a host already writes for an episode, into an {@link
 * EpisodeDraft}.
 *
 * <p>The first non-blank line is the episode number ({@code 68}, {@code Aflevering 68}, {@code
 * Episode 68}, {@code #68}, {@code 68.}; a title may follow on the same line after a colon or
 * dash), the next non-blank line is the title. After that come free paragraphs and headings. A
 * thesis is a line such as {@code Stelling 1: text} (also {@code Thesis}/{@code Statement}, a dash,
 * en dash or full stop instead of the colon, {@code #} before the number and markdown decoration
 * around it). Its context is the paragraphs under it up to the next heading, which is another
 * thesis, an {@code Opties:}/{@code Sluit:} line, a markdown heading or rule ({@code ---}), or a
 * short line (at most 60 characters) without final punctuation that stands between blank lines,
 * such as "Conclusie" or "UX fuck-up van de week"; a link or list item is never a heading.
 * Everything outside a thesis is ignored.
 *
 * <p>Optional settings: {@code Opties: Eens / Oneens / Weet niet} (or {@code Options:}, separated
 * by {@code /}, or by {@code ,} when there is no {@code /}) and {@code Sluit: 3d} (or {@code
 * Closes: 2026-12-01T20:00}). Any problem stops the import with an {@link EpisodeFormatException}
 * naming the line; nothing partial is returned. Instances hold no state and may be shared.
 */
public final class ShowNotesParser {
  private static final Pattern SLASH = Pattern.compile("/");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final String NUMBER_EXAMPLE = "\"68\" or \"Aflevering 68\"";

  /** Parses show notes; {@code source} names the text in error messages, e.g. the file name. */
  public EpisodeDraft parse(String text, String source) throws EpisodeFormatException {
    return new Reading(SourceLines.split(text, source), new EpisodeRules(source)).episode();
  }

  /** The state of one parse, top to bottom. */
  private static final class Reading {
    private final List<SourceLine> lines;
    private final EpisodeRules rules;
    private final ThesisNumbering numbering;
    private final List<ThesisDraft> theses = new ArrayList<>();
    private Optional<List<String>> options = Optional.empty();
    private Optional<ClosingTime> closing = Optional.empty();
    private int optionsLine;
    private int closingLine;
    private Optional<ThesisDraft> thesis = Optional.empty();
    private int thesisLine;
    private final List<String> context = new ArrayList<>();

    Reading(List<SourceLine> lines, EpisodeRules rules) {
      this.lines = lines;
      this.rules = rules;
      this.numbering = new ThesisNumbering(rules);
    }

    EpisodeDraft episode() throws EpisodeFormatException {
      int first = nextNonBlank(0);
      if (first < 0) {
        throw rules.problem(
            0, "is empty; the first line must be the episode number, like " + NUMBER_EXAMPLE);
      }
      SourceLine numberLine = lines.get(first);
      EpisodeNumberLine header =
          ShowNotesSyntax.episodeNumber(numberLine.text())
              .orElseThrow(
                  () ->
                      rules.problem(
                          numberLine.number(),
                          "the first line must be the episode number, like "
                              + NUMBER_EXAMPLE
                              + ", not \""
                              + shortened(numberLine.text())
                              + "\""));
      int number = rules.episodeNumber(numberLine.number(), digits(header.digits()));
      String title;
      int body;
      if (header.title().isEmpty()) {
        int titleIndex = nextNonBlank(first + 1);
        if (titleIndex < 0) {
          throw rules.problem(
              numberLine.number(), "the episode number must be followed by a line with the title");
        }
        SourceLine titleLine = lines.get(titleIndex);
        refuseAsTitle(titleLine);
        title = rules.title(titleLine.number(), ShowNotesSyntax.plain(titleLine.text()));
        body = titleIndex + 1;
      } else {
        title = rules.title(numberLine.number(), header.title());
        body = first + 1;
      }
      readBody(body);
      if (theses.isEmpty()) {
        throw rules.problem(
            0,
            "no theses found; write each thesis on a line of its own, like"
                + " \"Stelling 1: Bedrijven die niet aan personalisatie doen, missen de boot\"");
      }
      return new EpisodeDraft(number, title, theses, options.orElse(List.of()), closing);
    }

    private void refuseAsTitle(SourceLine line) throws EpisodeFormatException {
      if (ShowNotesSyntax.thesisHeading(line.text()).isPresent()
          || ShowNotesSyntax.label(line.text()).isPresent()) {
        throw rules.problem(
            line.number(),
            "expected the episode title on the line after the episode number, not \""
                + shortened(line.text())
                + "\"");
      }
    }

    private void readBody(int start) throws EpisodeFormatException {
      boolean afterBoundary = true;
      for (int i = start; i < lines.size(); i++) {
        SourceLine line = lines.get(i);
        String text = line.text();
        if (line.isBlank()) {
          context.add("");
          afterBoundary = true;
          continue;
        }
        Optional<ThesisHeading> heading = ShowNotesSyntax.thesisHeading(text);
        Optional<Label> label = ShowNotesSyntax.label(text);
        if (heading.isPresent()) {
          finishThesis();
          startThesis(line, heading.get());
        } else if (ShowNotesSyntax.isUnnumberedThesis(text)) {
          throw rules.problem(
              line.number(), "this thesis has no number; write it like \"Stelling 1: text\"");
        } else if (label.isPresent()) {
          finishThesis();
          readLabel(line, label.get());
        } else if (isSectionHeading(i, afterBoundary)) {
          finishThesis();
        } else {
          context.add(text);
          afterBoundary = false;
          continue;
        }
        afterBoundary = true;
      }
      finishThesis();
    }

    private boolean isSectionHeading(int index, boolean afterBoundary) {
      String text = lines.get(index).text();
      if (ShowNotesSyntax.isMarkdownHeading(text) || ShowNotesSyntax.isThematicBreak(text)) {
        return true;
      }
      boolean beforeBlank = index + 1 == lines.size() || lines.get(index + 1).isBlank();
      return afterBoundary && beforeBlank && ShowNotesSyntax.looksLikeHeading(text);
    }

    private void startThesis(SourceLine line, ThesisHeading heading) throws EpisodeFormatException {
      int number = rules.thesisNumber(line.number(), digits(heading.digits()));
      numbering.add(number, line.number());
      if (heading.text().isBlank()) {
        throw rules.problem(
            line.number(),
            "thesis "
                + number
                + " has no text; write it on the same line, like \"Stelling "
                + number
                + ": text\"");
      }
      String text = rules.thesisText(line.number(), number, heading.text());
      thesis = Optional.of(new ThesisDraft(number, text, ""));
      thesisLine = line.number();
      context.clear();
    }

    private void finishThesis() throws EpisodeFormatException {
      if (thesis.isPresent()) {
        ThesisDraft heading = thesis.get();
        String explanation =
            rules.context(thesisLine, heading.number(), String.join("\n", context));
        theses.add(new ThesisDraft(heading.number(), heading.text(), explanation));
        thesis = Optional.empty();
      }
      context.clear();
    }

    private void readLabel(SourceLine line, Label label) throws EpisodeFormatException {
      switch (label.kind()) {
        case OPTIONS -> {
          if (options.isPresent()) {
            throw rules.problem(
                line.number(), "options are given twice (first at line " + optionsLine + ")");
          }
          Pattern separator = label.value().contains("/") ? SLASH : COMMA;
          options =
              Optional.of(
                  rules.options(line.number(), List.of(separator.split(label.value(), -1))));
          optionsLine = line.number();
        }
        case CLOSES -> {
          if (closing.isPresent()) {
            throw rules.problem(
                line.number(),
                "the closing time is given twice (first at line " + closingLine + ")");
          }
          try {
            closing = Optional.of(ClosingTime.parse(label.value()));
          } catch (IllegalArgumentException e) {
            throw rules.problem(line.number(), e.getMessage(), e);
          }
          closingLine = line.number();
        }
      }
    }

    private int nextNonBlank(int from) {
      for (int i = from; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The value of a run of digits, capped so that absurdly long numbers fail the range check. */
  private static long digits(String digits) {
    return digits.length() > 9 ? Integer.MAX_VALUE : Long.parseLong(digits);
  }

  private static String shortened(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
