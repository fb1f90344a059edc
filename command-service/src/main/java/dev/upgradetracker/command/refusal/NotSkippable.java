package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/**
 * Only steps whose effect no later rule depends on physically may be waived: verifying, backing up,
 * patching. Moves, halts, upgrades and kits must really happen.
 */
public final class NotSkippable extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public NotSkippable(String stepId, String command) {
    super(
        "step "
            + stepId
            + " ("
            + command
            + ") cannot be skipped: later rules rely on its effect being real; retry it instead",
        Map.of("stepId", stepId, "command", command));
  }
}
