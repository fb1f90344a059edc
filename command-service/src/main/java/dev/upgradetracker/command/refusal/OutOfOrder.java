package dev.upgradetracker.command.refusal;

import java.util.Map;

/** A step asked for before the step it depends on. */
public final class OutOfOrder extends CommandRefused {

  public OutOfOrder(String why) {
    super("out of order: " + why, Map.of("reason", why));
  }
}
