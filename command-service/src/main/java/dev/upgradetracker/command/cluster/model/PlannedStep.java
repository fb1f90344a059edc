package dev.upgradetracker.command.cluster.model;

import java.util.List;

/**
 * One step of a plan, in order.
 *
 * @param command what would be sent (e.g. {@code UpgradeNode})
 * @param subject the host or guest it concerns, or the cluster
 * @param hostActions what the executor would be asked to do, one line each
 * @param rulesChecked the rules this step was checked against, all passed
 */
public record PlannedStep(
    int number,
    String command,
    String subject,
    List<String> hostActions,
    List<String> rulesChecked) {}
