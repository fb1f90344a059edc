package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Checks;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.events.cluster.ClusterCommand;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Which rules each command's step checks, as the steps declare them ({@link Checks}). */
final class CheckedRules {

  /** The classes whose methods decide the procedure's steps. */
  private static final List<Class<?>> STEPS =
      List.of(
          Preparation.class,
          Moves.class,
          Membership.class,
          NodeUpgrades.class,
          GuestKits.class,
          InventoryUpdates.class);

  private static final Map<Class<?>, List<String>> BY_COMMAND = declared();

  private CheckedRules() {}

  static List<String> of(ClusterCommand command) {
    return BY_COMMAND.getOrDefault(command.getClass(), List.of());
  }

  private static Map<Class<?>, List<String>> declared() {
    var byCommand = new HashMap<Class<?>, List<String>>();
    STEPS.stream()
        .flatMap(step -> Stream.of(step.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Checks.class))
        .forEach(
            method ->
                byCommand.put(
                    method.getParameterTypes()[0],
                    Arrays.stream(method.getAnnotation(Checks.class).value())
                        .map(Rule::name)
                        .toList()));
    return Map.copyOf(byCommand);
  }
}
