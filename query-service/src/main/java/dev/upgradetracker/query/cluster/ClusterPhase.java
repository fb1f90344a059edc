package dev.upgradetracker.query.cluster;

/** Where a cluster stands in its upgrade, as dashboards group clusters. */
public enum ClusterPhase {
  NOT_STARTED,
  IN_PROGRESS,
  AWAITING_APPROVAL,
  FAILED,
  UPGRADED;

  static ClusterPhase of(ClusterView view) {
    var step = view.progress().currentStep();
    if (view.upgraded()) {
      return UPGRADED;
    }
    if (step != null && step.status() == ClusterProgress.StepStatus.FAILED) {
      return FAILED;
    }
    if (step != null && step.status() == ClusterProgress.StepStatus.AWAITING_APPROVAL) {
      return AWAITING_APPROVAL;
    }
    boolean begun =
        view.progress().campaignId() != null
            || view.progress().stepsDone() > 0
            || view.hosts().stream().anyMatch(h -> h.upgrading() || h.onIntegrityVm4());
    return begun ? IN_PROGRESS : NOT_STARTED;
  }
}
