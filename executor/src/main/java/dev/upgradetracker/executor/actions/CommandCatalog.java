package dev.upgradetracker.executor.actions;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command lines sent to hosts, by name, as templates with {@code {placeholder}}s: a site
 * changes its command lines (depots, backup scripts, cold-install procedure) in configuration.
 * Defaults follow HP's manuals; see application.yml. Every value filled in is a name, checked and
 * shell-quoted; a template that would put a value inside quotes or a substitution, where quoting no
 * longer holds, or that names an unknown placeholder, stops the executor at start-up.
 */
@ConfigurationProperties("upgrade-tracker.executor")
public record CommandCatalog(Map<String, String> catalog) {

  /** The placeholders a template may use; the plural ones take a list of names. */
  static final Set<String> PLACEHOLDERS =
      Set.of("package", "node", "guest", "guests", "patches", "depot");

  private static final Set<String> LISTS = Set.of("guests", "patches");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  public CommandCatalog {
    catalog = Map.copyOf(catalog);
    catalog.forEach(CommandCatalog::check);
    var depot = catalog.get("depot");
    if (depot != null && !ShellWords.NAME.matcher(depot).matches()) {
      throw new IllegalStateException(
          "upgrade-tracker.executor.catalog.depot ('"
              + depot
              + "') is not a depot server's name: letters, digits, '.', '_', '-'");
    }
  }

  public String line(String name, Map<String, String> values) throws UnsafeValue {
    var template = catalog.get(name);
    if (template == null) {
      throw new IllegalStateException(
          "the executor's command catalog has no '"
              + name
              + "' (upgrade-tracker.executor.catalog."
              + name
              + ")");
    }
    var line = template;
    for (var entry : values.entrySet()) {
      line = line.replace("{" + entry.getKey() + "}", words(entry.getKey(), entry.getValue()));
    }
    return line;
  }

  private static String words(String placeholder, String value) throws UnsafeValue {
    if (!LISTS.contains(placeholder)) {
      return ShellWords.name(value, placeholder);
    }
    var quoted = new StringBuilder();
    for (var item : value.trim().split(" +")) {
      quoted.append(quoted.isEmpty() ? "" : " ").append(ShellWords.name(item, placeholder));
    }
    return quoted.toString();
  }

  /** A placeholder must stand where the shell reads plain words: outside quotes and $(...). */
  private static void check(String name, String template) {
    char quote = 0;
    int substitutions = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '\\') {
        refuse(name, template, "a backslash");
      } else if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '(') {
        substitutions++;
      } else if (c == ')' && substitutions > 0) {
        substitutions--;
      }
      if (c == '{' && (quote != 0 || substitutions > 0)) {
        refuse(name, template, "a placeholder inside quotes or a substitution");
      }
    }
    if (quote != 0) {
      refuse(name, template, "an unclosed quote");
    }
    var placeholders = PLACEHOLDER.matcher(template);
    while (placeholders.find()) {
      if (!PLACEHOLDERS.contains(placeholders.group(1))) {
        refuse(name, template, "the unknown placeholder {" + placeholders.group(1) + "}");
      }
    }
  }

  private static void refuse(String name, String template, String what) {
    throw new IllegalStateException(
        "upgrade-tracker.executor.catalog."
            + name
            + " ('"
            + template
            + "') has "
            + what
            + ": the executor fills in names only where the shell reads them as plain words."
            + " Placeholders: "
            + PLACEHOLDERS);
  }
}
