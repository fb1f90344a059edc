package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/** R9: one active campaign per cluster. */
@Refuses(Rule.R9)
public final class CampaignAlreadyActive extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public CampaignAlreadyActive(String clusterId, String active, String requested) {
    super(
        "cluster "
            + clusterId
            + " is already in campaign "
            + active
            + "; campaign "
            + requested
            + " cannot start on it",
        Map.of("clusterId", clusterId, "activeCampaign", active, "requestedCampaign", requested));
  }
}
