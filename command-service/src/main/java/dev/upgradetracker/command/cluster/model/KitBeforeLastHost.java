package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/** R4: the 4.0 guest kit waits until no host of the cluster runs Integrity VM 3.x. */
@Refuses(Rule.R4)
public final class KitBeforeLastHost extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public KitBeforeLastHost(String guest, List<String> hostsOn3x) {
    super(
        "cannot install the 4.0 guest kit on "
            + guest
            + " while hosts "
            + String.join(", ", hostsOn3x)
            + " still run Integrity VM 3.x (a failover would land the guest on a host that cannot run it)",
        Map.of("guest", guest, "hostsOn3x", hostsOn3x));
  }
}
