package io.pollcast.importer;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.File;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses HOCON text into its root object, safely for files from outside: {@code include} statements
 * are refused (they could read local files or URLs) and substitutions resolve only within the file,
 * never from environment variables, which hold the bot's secrets.
 */
final class HoconDocument {
  private static final Pattern INCLUDE =
      Pattern.compile("(?<![\\w.-])include\\s+(?:\"|(?:file|url|classpath|required)\\s*\\()");
  private static final String UNHELPFUL_HINT =
      ", or you may be able to rename the file .properties rather than .conf";

  private static final int MAX_DEPTH = 32;

  private HoconDocument() {}

  static ConfigObject parse(String text, EpisodeRules rules) throws EpisodeFormatException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    refuseDeepNesting(body, rules);
    ConfigParseOptions options =
        ConfigParseOptions.defaults()
            .setSyntax(ConfigSyntax.CONF)
            .setOriginDescription(rules.source())
            .setAllowMissing(false)
            .setIncluder(new RefusingIncluder());
    try {
      return ConfigFactory.parseString(body, options)
          .resolve(ConfigResolveOptions.noSystem())
          .root();
    } catch (IncludeRefused e) {
      throw rules.problemCausedBy(e, lineOfInclude(body), "hocon-include");
    } catch (ConfigException e) {
      throw rules.problemCausedBy(e, line(e.origin()), "hocon", problem(e));
    }
  }

  static int line(ConfigOrigin origin) {
    return origin == null ? 0 : Math.max(0, origin.lineNumber());
  }

  private static String problem(ConfigException e) {
    String message = String.valueOf(e.getMessage());
    ConfigOrigin origin = e.origin();
    if (origin != null && message.startsWith(origin.description() + ": ")) {
      message = message.substring(origin.description().length() + 2);
    }
    return message.replace(UNHELPFUL_HINT, "");
  }

  /**
   * Typesafe Config parses recursively, so a file of a million brackets would overflow the stack;
   * count the nesting first, skipping strings and comments.
   */
  private static void refuseDeepNesting(String text, EpisodeRules rules)
      throws EpisodeFormatException {
    int depth = 0;
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("\"\"\"", i)) {
        int end = text.indexOf("\"\"\"", i + 3);
        int stop = end < 0 ? text.length() : end + 3;
        line += lines(text, i, stop);
        i = stop;
        continue;
      }
      if (c == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '#' || text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      } else if (c == '\n') {
        line++;
      } else if (c == '[' || c == '{') {
        depth++;
        if (depth > MAX_DEPTH) {
          throw rules.problem(line, "hocon-depth", String.valueOf(MAX_DEPTH));
        }
      } else if (c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
      i++;
    }
  }

  private static int lines(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  private static int lineOfInclude(String text) {
    Matcher include = INCLUDE.matcher(text);
    if (!include.find()) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < include.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Thrown by {@link RefusingIncluder}; never leaves this class. */
  private static final class IncludeRefused extends ConfigException {
    private static final long serialVersionUID = 1L;

    IncludeRefused() {
      super("include is not allowed");
    }
  }

  /** Refuses every kind of include, so the parser never opens a file, resource or URL. */
  private static final class RefusingIncluder
      implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
      return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
      throw new IncludeRefused();
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
      throw new IncludeRefused();
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
      throw new IncludeRefused();
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
      throw new IncludeRefused();
    }
  }
}
