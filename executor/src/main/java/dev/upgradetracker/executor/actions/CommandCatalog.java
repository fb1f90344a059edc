package dev.upgradetracker.executor.actions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command lines sent to hosts, by name, as templates with {@code {placeholder}}s: a site
 * changes its command lines (depots, backup scripts, cold-install procedure) in configuration.
 * Defaults follow HP's manuals; see application.yml.
 */
@ConfigurationProperties("upgrade-tracker.executor")
public record CommandCatalog(Map<String, String> catalog) {

  public String line(String name, Map<String, String> values) {
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
      line = line.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return line;
  }
}
