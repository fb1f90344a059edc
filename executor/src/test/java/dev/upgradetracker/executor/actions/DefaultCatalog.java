package dev.upgradetracker.executor.actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The catalog as the service ships it, read from its application.yml, placeholders at defaults. */
final class DefaultCatalog {

  private static final String PREFIX = "upgrade-tracker.executor.catalog.";

  private DefaultCatalog() {}

  static CommandCatalog load() {
    try {
      var sources =
          new YamlPropertySourceLoader().load("executor", new ClassPathResource("application.yml"));
      Map<String, String> commands = new LinkedHashMap<>();
      for (var source : sources) {
        var map = (Map<?, ?>) source.getSource();
        map.forEach(
            (key, value) -> {
              if (key.toString().startsWith(PREFIX)) {
                commands.put(
                    key.toString().substring(PREFIX.length()), withDefaults(value.toString()));
              }
            });
      }
      return new CommandCatalog(commands);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ${NAME:default}} as Spring would resolve it with NAME unset. */
  private static String withDefaults(String template) {
    return template.replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1");
  }
}
