package io.pollcast.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a feed item's description into the plain text that show notes are: each
 * paragraph or heading a block of its own between blank lines, each list item a line starting with
 * "- ", a {@code <br>} a line break; inline markup such as {@code <strong>} dropped. A description
 * without any markup keeps its own line breaks.
 */
final class HtmlText {
  private HtmlText() {}

  static String of(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    if (body.children().isEmpty()) {
      return body.wholeText().strip();
    }
    Lines lines = new Lines();
    NodeTraversor.traverse(lines, body);
    return lines.text();
  }

  private static boolean isParagraph(String tag) {
    return switch (tag) {
      case "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "blockquote",
          "table",
          "pre",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "hr",
          "dl" ->
          true;
      default -> false;
    };
  }

  private static boolean isLine(String tag) {
    return switch (tag) {
      case "li", "tr", "dt", "dd" -> true;
      default -> false;
    };
  }

  /** Collects text, starting lines and paragraphs where the blocks start and end. */
  private static final class Lines implements NodeVisitor {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        String words = textNode.text().replaceAll("\\s+", " ");
        if (atLineStart()) {
          words = words.stripLeading();
        }
        text.append(words);
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (isParagraph(tag)) {
          paragraph();
        } else if (isLine(tag)) {
          line();
          if ("li".equals(tag)) {
            text.append("- ");
          }
        } else if ("br".equals(tag)) {
          line();
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (isParagraph(tag)) {
          paragraph();
        } else if (isLine(tag)) {
          line();
        }
      }
    }

    private boolean atLineStart() {
      return text.length() == 0 || text.charAt(text.length() - 1) == '\n';
    }

    private void line() {
      trimTrailingSpaces();
      if (!atLineStart()) {
        text.append('\n');
      }
    }

    private void paragraph() {
      line();
      if (text.length() > 0 && !text.toString().endsWith("\n\n")) {
        text.append('\n');
      }
    }

    private void trimTrailingSpaces() {
      while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
        text.setLength(text.length() - 1);
      }
    }

    String text() {
      return text.toString().strip();
    }
  }
}
