package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/**
 * Four eyes: whoever started a campaign may not approve its gated steps; another approver of the
 * team must.
 */
public final class FourEyes extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public FourEyes(String campaignId, String user) {
    super(
        user
            + " started campaign "
            + campaignId
            + " and may not approve its steps too (four eyes): another approver of the team must",
        Map.of("campaignId", campaignId, "user", user));
  }
}
