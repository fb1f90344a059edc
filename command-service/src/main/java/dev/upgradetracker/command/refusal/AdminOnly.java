package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** What only an admin may do, e.g. assign hosts to teams. */
public final class AdminOnly extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public AdminOnly(String what) {
    super("only an admin may " + what, Map.of("action", what));
  }
}
