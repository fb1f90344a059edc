package dev.upgradetracker.query.campaign;

import dev.upgradetracker.query.campaign.CampaignProgress.Wait;
import dev.upgradetracker.query.campaign.CampaignProgress.WaitKind;
import java.time.Instant;
import java.util.Set;

/**
 * A campaign as it stands now: a cluster whose step waits on host actions waits in truth for an
 * executor while none is alive. Applied when a view is answered, never folded into it, so a rebuilt
 * view still equals the live one.
 */
final class NoExecutor {

  private static final Set<WaitKind> ON_HOST_ACTIONS =
      Set.of(WaitKind.STEP, WaitKind.STUCK, WaitKind.HOST_UNREACHABLE);

  private NoExecutor() {}

  static CampaignProgress since(CampaignProgress view, Instant noneSince) {
    var now = view;
    for (var run : view.clusters()) {
      var wait = run.waiting();
      if (wait != null && ON_HOST_ACTIONS.contains(wait.kind())) {
        var since = wait.since().isAfter(noneSince) ? wait.since() : noneSince;
        now =
            now.withRun(
                run.clusterId(),
                r ->
                    r.waiting(
                        new Wait(
                            WaitKind.NO_EXECUTOR,
                            since,
                            null,
                            wait.host(),
                            wait.stepId(),
                            null,
                            wait.command(),
                            wait.usual())));
      }
    }
    return now;
  }
}
