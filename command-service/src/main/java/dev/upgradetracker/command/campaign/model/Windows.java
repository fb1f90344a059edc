package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.events.campaign.MaintenanceWindow;
import java.time.Instant;
import java.time.ZoneId;

/** When a daily maintenance window is open. A window whose start equals its end is always open. */
final class Windows {

  private Windows() {}

  static boolean isOpen(MaintenanceWindow window, Instant now) {
    if (window == null || window.start().equals(window.end())) {
      return true;
    }
    var time = now.atZone(ZoneId.of(window.zone())).toLocalTime();
    boolean afterStart = !time.isBefore(window.start());
    boolean beforeEnd = time.isBefore(window.end());
    return window.start().isBefore(window.end())
        ? afterStart && beforeEnd
        : afterStart || beforeEnd;
  }

  /** The next instant after {@code now} at which the window opens. */
  static Instant nextOpening(MaintenanceWindow window, Instant now) {
    var zone = ZoneId.of(window.zone());
    var local = now.atZone(zone);
    var today = local.toLocalDate().atTime(window.start()).atZone(zone);
    return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
  }
}
