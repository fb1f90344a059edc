package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/** R7: no membership or topology change while hosts run mixed versions. */
@Refuses(Rule.R7)
public final class ConfigChangeWhileMixed extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public ConfigChangeWhileMixed(String change, List<String> hostsOn3x) {
    super(
        "cannot "
            + change
            + " while hosts "
            + String.join(", ", hostsOn3x)
            + " still run Integrity VM 3.x",
        Map.of("change", change, "hostsOn3x", hostsOn3x));
  }
}
