package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** A step asked for before the step it depends on. */
public final class OutOfOrder extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  public OutOfOrder(String why) {
    super("out of order: " + why, Map.of("reason", why));
  }
}
