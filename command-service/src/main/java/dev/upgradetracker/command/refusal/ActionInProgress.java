package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** Something the command would act on is already being acted on by another host action. */
public final class ActionInProgress extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public ActionInProgress(String subject, String actionId) {
    super(
        subject + " is already the subject of host action " + actionId + ", which has not finished",
        Map.of("subject", subject, "actionId", actionId));
  }
}
