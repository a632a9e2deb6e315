package io.pollcast.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the dashboard's jte templates ({@code src/main/jte}), compiled to classes at build time,
 * so the running bot needs no compiler. Output is HTML-escaped unless a template says otherwise.
 * Thread-safe.
 */
final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The page {@code name} (such as {@code "episode.jte"}) with its parameters. */
  String render(String name, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    engine.render(name, parameters, output);
    return output.toString();
  }
}
