package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A reader of a clone follows every link of the README to a file of that clone. */
class ReadmeLinksTest {

  private static final Path ROOT = LauncherSettings.repositoryRoot().toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern OUTSIDE = Pattern.compile("`\\.\\./[^`]*`");

  @Test
  void everyLinkOfTheReadmeResolvesToAFileInTheRepository() throws IOException {
    var readme = Files.readString(ROOT.resolve("README.md"));
    var broken = new ArrayList<String>();
    var links = LINK.matcher(readme);
    int local = 0;
    while (links.find()) {
      var target = links.group(1);
      if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
        continue;
      }
      local++;
      var file = ROOT.resolve(target.replaceFirst("#.*", "")).normalize();
      if (!file.startsWith(ROOT) || !Files.exists(file)) {
        broken.add(target);
      }
    }

    assertThat(local).as("links to files of the repository").isGreaterThanOrEqualTo(3);
    assertThat(broken).as("links that lead nowhere or out of the repository").isEmpty();
    assertThat(OUTSIDE.matcher(readme).results().map(r -> r.group()).toList())
        .as("paths named outside the repository")
        .isEmpty();
  }
}
