package dev.upgradetracker.command.slots;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.input.InputChecks;
import dev.upgradetracker.events.slots.UpgradeSlotCommand.ReleaseUpgradeSlot;
import dev.upgradetracker.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator lets go of the upgrade slot a node of the team's keeps after its upgrade failed (the
 * slot goes to the next waiting node); the reason is recorded. 404 when the node holds none.
 */
@RestController
@RequestMapping("/api/upgrade-slots")
class UpgradeSlotController {

  private final CommandSender sender;

  UpgradeSlotController(CommandSender sender) {
    this.sender = sender;
  }

  record Reason(@Size(max = 1000) String reason) {}

  @PostMapping("/{host}/release")
  ResponseEntity<Void> release(
      @PathVariable String host,
      @Valid @RequestBody(required = false) Reason reason,
      HttpServletRequest http) {
    InputChecks.name("host", host);
    sender.send(
        new ReleaseUpgradeSlot(
            host, reason == null ? null : reason.reason(), Callers.current().team()),
        http);
    return ResponseEntity.noContent().build();
  }
}
