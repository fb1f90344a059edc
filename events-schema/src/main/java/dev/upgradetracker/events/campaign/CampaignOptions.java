package dev.upgradetracker.events.campaign;

import dev.upgradetracker.events.fleet.UpgradeMode;
import jakarta.annotation.Nullable;
import java.time.Duration;

/**
 * How a campaign drives its clusters.
 *
 * @param maxClustersInProgress how many clusters are upgraded at the same time
 * @param approvalGates whether each node upgrade waits for a team member's approval
 * @param maintenanceWindow when host actions may start; null: any time
 * @param stepTimeout how long a step's host actions may run before the step counts as failed
 */
public record CampaignOptions(
    int maxClustersInProgress,
    FailurePolicy failurePolicy,
    boolean approvalGates,
    @Nullable MaintenanceWindow maintenanceWindow,
    UpgradeMode mode,
    Duration stepTimeout) {}
