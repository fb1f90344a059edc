package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/** R3: one node at a time. */
public final class AnotherNodeUpgrading extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public AnotherNodeUpgrading(String host, String upgrading) {
    super(
        Rule.R3,
        "cannot start upgrading " + host + " while " + upgrading + " is being upgraded",
        Map.of("host", host, "upgrading", upgrading));
  }
}
