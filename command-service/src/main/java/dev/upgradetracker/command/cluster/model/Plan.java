package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.events.fleet.InventoryWarning;
import java.util.List;

/**
 * The ordered steps that would take a cluster from where it stands to every host on Integrity VM
 * 4.0 and every guest on the 4.0 kit. Nothing is changed by computing it.
 *
 * @param nodeOrder the hosts in the order they would be upgraded
 * @param warnings states of the inventory the procedure never produces, which the steps work around
 */
public record Plan(
    String clusterId,
    String topology,
    List<String> nodeOrder,
    List<PlannedStep> steps,
    List<InventoryWarning> warnings) {}
