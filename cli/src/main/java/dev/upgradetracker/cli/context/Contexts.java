package dev.upgradetracker.cli.context;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.upgradetracker.cli.api.UsageProblem;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The contexts of the config file by name, and the one in use (none at first). */
public record Contexts(
    @JsonProperty("current-context") String current,
    @JsonProperty("contexts") Map<String, Context> byName) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  static final Contexts NONE = new Contexts(null, Map.of());

  public Contexts {
    byName = byName == null ? Map.of() : new TreeMap<>(byName);
    if (current != null && !byName.containsKey(current)) {
      throw new UsageProblem("current-context " + current + " names no context of the file");
    }
  }

  /** The context named, which must exist; with no name the one in use, if any. */
  public Optional<Context> chosen(String name) {
    if (name == null) {
      return Optional.ofNullable(current).map(byName::get);
    }
    return Optional.of(existing(name));
  }

  Contexts with(String name, Context change) {
    if (!NAME.matcher(name).matches()) {
      throw new UsageProblem("context name " + name + ": 1 to 64 letters, digits, '.', '_' or '-'");
    }
    var changed = new TreeMap<>(byName);
    changed.merge(name, change, Context::updatedBy);
    return new Contexts(current, changed);
  }

  Contexts using(String name) {
    existing(name);
    return new Contexts(name, byName);
  }

  Contexts without(String name) {
    existing(name);
    var left = new TreeMap<>(byName);
    left.remove(name);
    return new Contexts(name.equals(current) ? null : current, left);
  }

  private Context existing(String name) {
    var context = byName.get(name);
    if (context == null) {
      throw new UsageProblem(
          "no context "
              + name
              + (byName.isEmpty()
                  ? "; there are none yet (upgrade config set-context)"
                  : "; known: " + String.join(", ", byName.keySet())));
    }
    return context;
  }
}
