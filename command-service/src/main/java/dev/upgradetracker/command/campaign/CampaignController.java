package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.campaign.model.CampaignClusters;
import dev.upgradetracker.command.campaign.model.CampaignView;
import dev.upgradetracker.command.campaign.model.CampaignView.ClusterSituation;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over REST: start (checked against every cluster's plan first), read, and the team's
 * controls: pause, resume, abort, retry or skip a failed step, approve a node upgrade.
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

  @PostMapping
  ResponseEntity<CampaignView> start(
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
    return ResponseEntity.created(URI.create("/api/campaigns/" + campaignId))
        .eTag(String.valueOf(version))
        .body(view(campaignId));
  }

  @GetMapping("/{campaignId}")
  CampaignView get(@PathVariable String campaignId) {
    return view(campaignId);
  }

  @PostMapping("/{campaignId}/pause")
  ResponseEntity<CampaignView> pause(@PathVariable String campaignId, HttpServletRequest http) {
    return answer(sender.send(new PauseCampaign(campaignId), http), campaignId);
  }

  @PostMapping("/{campaignId}/resume")
  ResponseEntity<CampaignView> resume(@PathVariable String campaignId, HttpServletRequest http) {
    return answer(sender.send(new ResumeCampaign(campaignId, Instant.now()), http), campaignId);
  }

  @PostMapping("/{campaignId}/abort")
  ResponseEntity<CampaignView> abort(
      @PathVariable String campaignId,
      @Valid @RequestBody(required = false) Reason reason,
      HttpServletRequest http) {
    return answer(
        sender.send(new AbortCampaign(campaignId, reason == null ? null : reason.reason()), http),
        campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/retry")
  ResponseEntity<CampaignView> retry(
      @PathVariable String campaignId, @PathVariable String clusterId, HttpServletRequest http) {
    return answer(
        sender.send(new RetryStep(campaignId, clusterId, Instant.now()), http), campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/skip")
  ResponseEntity<CampaignView> skip(
      @PathVariable String campaignId,
      @PathVariable String clusterId,
      @Valid @RequestBody(required = false) Reason reason,
      HttpServletRequest http) {
    var skip =
        new SkipStep(campaignId, clusterId, reason == null ? null : reason.reason(), Instant.now());
    return answer(sender.send(skip, http), campaignId);
  }

  @PostMapping("/{campaignId}/clusters/{clusterId}/approve")
  ResponseEntity<CampaignView> approve(
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

  /** The campaign as it stands after a command, with its version as the ETag. */
  private ResponseEntity<CampaignView> answer(long version, String campaignId) {
    return ResponseEntity.ok().eTag(String.valueOf(version)).body(view(campaignId));
  }

  private CampaignView view(String campaignId) {
    var campaign = CampaignHistory.load(events, campaignId);
    return CampaignView.of(
        campaign, clusterId -> ClusterSituation.of(ClusterHistory.load(events, clusterId)));
  }
}
