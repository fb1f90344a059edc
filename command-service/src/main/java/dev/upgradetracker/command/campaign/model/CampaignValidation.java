package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.regex.Pattern;

/** Checks a campaign as submitted; the first problem found is reported. */
final class CampaignValidation {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private CampaignValidation() {}

  static void validate(StartCampaign command) {
    if (command.campaignId() == null || !ID.matcher(command.campaignId()).matches()) {
      throw new InvalidInput(
          "campaignId",
          "must be 1-63 letters, digits, '.', '_' or '-', was " + command.campaignId());
    }
    if (command.clusterIds() == null || command.clusterIds().isEmpty()) {
      throw new InvalidInput("clusterIds", "a campaign needs at least one cluster");
    }
    var seen = new HashSet<String>();
    for (var clusterId : command.clusterIds()) {
      if (!seen.add(clusterId)) {
        throw new InvalidInput("clusterIds", "cluster " + clusterId + " is listed twice");
      }
    }
    var options = command.options();
    if (options.maxClustersInProgress() < 1) {
      throw new InvalidInput(
          "maxClustersInProgress", "must be at least 1, was " + options.maxClustersInProgress());
    }
    if (options.failurePolicy().maxFailures() < 0) {
      throw new InvalidInput(
          "failurePolicy.maxFailures",
          "must be 0 or more, was " + options.failurePolicy().maxFailures());
    }
    if (options.stepTimeout().isNegative() || options.stepTimeout().isZero()) {
      throw new InvalidInput("stepTimeout", "must be positive, was " + options.stepTimeout());
    }
    var window = options.maintenanceWindow();
    if (window != null) {
      if (window.start() == null || window.end() == null) {
        throw new InvalidInput("maintenanceWindow", "needs both start and end (HH:mm)");
      }
      try {
        ZoneId.of(window.zone());
      } catch (DateTimeException | NullPointerException e) {
        throw new InvalidInput(
            "maintenanceWindow.zone",
            "is not a time zone (e.g. UTC, Europe/Paris): " + window.zone());
      }
    }
  }
}
