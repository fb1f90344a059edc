package dev.upgradetracker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The environment variables a service reads, for the deployment files' consistency tests. */
final class ConfigurationKeys {

  private static final Pattern CONFIG_KEY = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  private ConfigurationKeys() {}

  /** The placeholders of its application.yml and of the security settings every service imports. */
  static Set<String> of(String service) throws IOException {
    var root = LauncherSettings.repositoryRoot();
    var yml =
        Files.readString(root.resolve(service).resolve("src/main/resources/application.yml"))
            + Files.readString(
                root.resolve("web-support/src/main/resources/upgrade-tracker-security.yml"));
    var keys = new HashSet<String>();
    var matcher = CONFIG_KEY.matcher(yml);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
