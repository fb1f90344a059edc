package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * R6: halting guest nodes must leave the cluster a majority of its members (exactly half only with
 * a cluster lock).
 */
@Refuses(Rule.R6)
public final class QuorumWouldBeLost extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * {@code packagesWithNowhereToGo}: what draining {@code host} for its upgrade also found (R5),
   * named too since both facts stand in the way; empty for a halt.
   */
  public QuorumWouldBeLost(
      String host,
      int leaving,
      int members,
      boolean clusterLock,
      List<String> packagesWithNowhereToGo) {
    super(
        "halting the "
            + leaving
            + " guest node(s) on "
            + host
            + " would leave "
            + (members - leaving)
            + " of "
            + members
            + " members"
            + (clusterLock ? "" : " and the cluster has no lock")
            + (packagesWithNowhereToGo.isEmpty()
                ? ""
                : "; besides, R5: package(s) "
                    + String.join(", ", packagesWithNowhereToGo)
                    + " have no other node to go to"),
        Map.of(
            "host",
            host,
            "leaving",
            leaving,
            "members",
            members,
            "clusterLock",
            clusterLock,
            "packagesWithNowhereToGo",
            packagesWithNowhereToGo));
  }
}
