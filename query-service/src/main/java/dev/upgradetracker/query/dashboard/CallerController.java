package dev.upgradetracker.query.dashboard;

import dev.upgradetracker.web.Callers;
import dev.upgradetracker.web.identity.Role;
import dev.upgradetracker.web.security.DashboardSettings;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the dashboard's caller is and where the page sends commands: the page offers each caller the
 * actions of its roles (the command service decides, whatever the page offers).
 */
@RestController
class CallerController {

  private final DashboardSettings dashboard;

  CallerController(DashboardSettings dashboard) {
    this.dashboard = dashboard;
  }

  /**
   * @param commandUrl the command service's origin, or none when the page only reads
   */
  record Caller(String user, String team, List<Role> roles, String commandUrl) {}

  @GetMapping("/api/me")
  Caller me() {
    var identity = Callers.current();
    return new Caller(
        identity.user(),
        identity.team(),
        identity.roles().stream().sorted().toList(),
        dashboard.commandUrl());
  }
}
