package dev.upgradetracker.executor.actions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command lines sent to hosts, as templates with {@code {name}} placeholders, so that a site
 * changes its command lines in configuration. Defaults follow HP's manuals.
 */
@ConfigurationProperties("upgrade-tracker.executor.catalog")
public record CommandCatalog(
    String packageStatus, String haltPackage, String runPackage, String enablePackage) {

  public String render(String template, Map<String, String> values) {
    var line = template;
    for (var entry : values.entrySet()) {
      line = line.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return line;
  }
}
