package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/** R3: one node at a time. */
@Refuses(Rule.R3)
public final class AnotherNodeUpgrading extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public AnotherNodeUpgrading(String host, String upgrading) {
    super(
        "cannot start upgrading " + host + " while " + upgrading + " is being upgraded",
        Map.of("host", host, "upgrading", upgrading));
  }
}
