package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.campaign.model.CampaignClusters;
import dev.upgradetracker.command.cluster.ClusterHistory;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.campaign.CampaignCommand.AbortCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ApproveNodeUpgrade;
import dev.upgradetracker.events.campaign.CampaignCommand.PauseCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.ResumeCampaign;
import dev.upgradetracker.events.campaign.CampaignCommand.RetryStep;
import dev.upgradetracker.events.campaign.CampaignCommand.SkipStep;
import dev.upgradetracker.events.campaign.CampaignCommand.StartCampaign;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.campaign.MaintenanceWindow;
import dev.upgradetracker.events.fleet.Bounds;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaign commands over REST: start (checked against every cluster's plan first) and the team's
 * controls: pause, resume, abort, retry or skip a failed step, approve a node upgrade. Each answers
 * the campaign's version after it; the campaign itself is read from the query service's one view of
 * it, {@code GET /api/campaigns/{id}?position=<version>}.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofHours(2);

  private final CommandSender sender;
  private final EventStore events;

  CampaignController(CommandSender sender, EventStore events) {
    this.sender = sender;
    this.events = events;
  }

  /** Omitted options: one cluster at a time, stop at the first failure, no gates, any time. */
  record StartRequest(
      @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String campaignId,
      @NotNull @Size(min = 1, max = Bounds.CLUSTERS_PER_IMPORT)
          List<@NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String>
              clusterIds,
      @Min(1) @Max(Bounds.CLUSTERS_PER_IMPORT) Integer maxClustersInProgress,
      FailurePolicy failurePolicy,
      Boolean approvalGates,
      MaintenanceWindow maintenanceWindow,
      UpgradeMode mode,
      Duration stepTimeout) {}

  record Reason(@Size(max = 1000) String reason) {}

  record HostApproval(@Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String host) {}

  /** An accepted command's answer: the campaign and its version (its position) after it. */
  record Accepted(String campaignId, long position) {}

  @PostMapping
  ResponseEntity<Accepted> start(
      @Valid @RequestBody StartRequest request, HttpServletRequest http) {
    var team = Callers.current().team();
    var options =
        new CampaignOptions(
            Objects.requireNonNullElse(request.maxClustersInProgress(), 1),
            Objects.requireNonNullElse(request.failurePolicy(), new FailurePolicy(false, 0)),
            Objects.requireNonNullElse(request.approvalGates(), false),
            request.maintenanceWindow(),
            Objects.requireNonNullElse(request.mode(), UpgradeMode.UPDATE),
            Objects.requireNonNullElse(request.stepTimeout(), DEFAULT_STEP_TIMEOUT));
    var campaignId =
        request.campaignId() != null
            ? request.campaignId()
            : "campaign-" + UUID.randomUUID().toString().substring(0, 8);
    checkClusters(request.clusterIds(), team, campaignId, options.mode());
    var version =
        sender.send(
            new StartCampaign(campaignId, team, request.clusterIds(), options, Instant.now()),
            http);
    return ResponseEntity.status(HttpStatus.CREATED)
        .eTag(String.valueOf(version))
        .body(new Accepted(campaignId, version));
  }

  @PostMapping("/{campaignId}/pause")
  ResponseEntity<Accepted> pause(@PathVariable String campaignId, HttpServletRequest http) {
    return answer(sender.send(new PauseCampaign(campaignId), http), campaignId);
  }

  @PostMapping("/{campaignId}/resume")
  ResponseEntity<Accepted> resume(@PathVariable String campaignId, HttpServletRequest http) {
    return answer(sender.send(new ResumeCampaign(campaignId, Instant.now()), http), campaignId);
  }

  @PostMapping("/{campaignId}/abort")
  ResponseEntity<Accepted> abort(
      @PathVariable String campaignId,
      @Valid @RequestBody(required = false) Reason reason,
      HttpServletRequest http) {
    return answer(
        sender.send(new AbortCampaign(campaignId, reason == null ? null : reason.reason()), http),
        campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/retry")
  ResponseEntity<Accepted> retry(
      @PathVariable String campaignId, @PathVariable String clusterId, HttpServletRequest http) {
    return answer(
        sender.send(new RetryStep(campaignId, clusterId, Instant.now()), http), campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/skip")
  ResponseEntity<Accepted> skip(
      @PathVariable String campaignId,
      @PathVariable String clusterId,
      @Valid @RequestBody(required = false) Reason reason,
      HttpServletRequest http) {
    var skip =
        new SkipStep(campaignId, clusterId, reason == null ? null : reason.reason(), Instant.now());
    return answer(sender.send(skip, http), campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/approve")
  ResponseEntity<Accepted> approve(
      @PathVariable String campaignId,
      @PathVariable String clusterId,
      @Valid @RequestBody(required = false) HostApproval approval,
      HttpServletRequest http) {
    if (approval == null || approval.host() == null || approval.host().isBlank()) {
      throw new InvalidInput("host", "is required: the node whose upgrade is approved");
    }
    var approve = new ApproveNodeUpgrade(campaignId, clusterId, approval.host(), Instant.now());
    return answer(sender.send(approve, http), campaignId);
  }

  /**
   * Each cluster exists, belongs to the team (R8), is in no other campaign (R9) and has a plan that
   * satisfies every rule; otherwise nothing starts.
   */
  private void checkClusters(
      List<String> clusterIds, String team, String campaignId, UpgradeMode mode) {
    if (clusterIds == null) {
      return;
    }
    CampaignClusters.check(
        clusterIds.stream().map(id -> ClusterHistory.load(events, id)).toList(),
        team,
        campaignId,
        mode);
  }

  /** The campaign's version after a command, as the answer and its ETag. */
  private static ResponseEntity<Accepted> answer(long version, String campaignId) {
    return ResponseEntity.ok()
        .eTag(String.valueOf(version))
        .body(new Accepted(campaignId, version));
  }
}
