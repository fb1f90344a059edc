package dev.upgradetracker.command.refusal;

import java.util.Map;

/** What only an admin may do, e.g. assign hosts to teams. */
public final class AdminOnly extends CommandRefused {

  public AdminOnly(String what) {
    super("only an admin may " + what, Map.of("action", what));
  }
}
