package dev.upgradetracker.query.history;

import dev.upgradetracker.query.history.StateDiff.Change;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The leaf-level differences between two JSON documents. Lists of named things (hosts, guests,
 * packages) are compared by name, so that one host changing reads as that host's fields.
 */
final class JsonDiff {

  private JsonDiff() {}

  static List<Change> between(JsonNode before, JsonNode after, Set<String> ignored) {
    var changes = new ArrayList<Change>();
    compare("", before, after, ignored, changes);
    return changes;
  }

  private static void compare(
      String path, JsonNode before, JsonNode after, Set<String> ignored, List<Change> changes) {
    if (before != null && after != null && before.equals(after)) {
      return;
    }
    if (before != null && after != null && before.isObject() && after.isObject()) {
      var names = new LinkedHashSet<String>(before.propertyNames());
      names.addAll(after.propertyNames());
      for (var name : names) {
        if (!ignored.contains(name)) {
          compare(
              path.isEmpty() ? name : path + "." + name,
              before.get(name),
              after.get(name),
              ignored,
              changes);
        }
      }
    } else if (before != null && after != null && named(before) && named(after)) {
      var beforeByName = byName(before);
      var afterByName = byName(after);
      var names = new LinkedHashSet<>(beforeByName.keySet());
      names.addAll(afterByName.keySet());
      for (var name : names) {
        compare(
            path + "[" + name + "]",
            beforeByName.get(name),
            afterByName.get(name),
            ignored,
            changes);
      }
    } else {
      changes.add(new Change(path, before, after));
    }
  }

  private static boolean named(JsonNode node) {
    return node.isArray()
        && !node.isEmpty()
        && node.valueStream().allMatch(item -> item.isObject() && item.path("name").isString());
  }

  private static Map<String, JsonNode> byName(JsonNode array) {
    var byName = new TreeMap<String, JsonNode>();
    array.valueStream().forEach(item -> byName.put(item.get("name").asString(), item));
    return byName;
  }
}
