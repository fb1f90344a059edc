package dev.upgradetracker.events.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * An executor's report on {@code upgrade.action-results}, keyed by cluster id: how the action ended
 * ({@code outcome}), or, before it ends, whether its host can be reached ({@code reachability}; the
 * outcome is null then). {@code finishedAt}: when the report was made.
 */
public record ActionResult(
    String actionId,
    String clusterId,
    String host,
    @Nullable ActionOutcome outcome,
    Instant finishedAt,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Reachability reachability) {

  /** The action's end. */
  public ActionResult(
      String actionId, String clusterId, String host, ActionOutcome outcome, Instant finishedAt) {
    this(actionId, clusterId, host, outcome, finishedAt, null);
  }

  /**
   * Not an end: the executor could not reach the host ({@code error}: what the connection said) and
   * keeps trying, or ({@code reached}) reached it again after saying so.
   */
  public record Reachability(boolean reached, String error) {}
}
