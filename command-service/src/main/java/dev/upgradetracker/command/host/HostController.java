package dev.upgradetracker.command.host;

import dev.upgradetracker.command.axon.CommandSender;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.host.model.HostChange;
import dev.upgradetracker.command.host.model.HostCommandDispatch;
import dev.upgradetracker.command.host.model.HostEntry;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.events.fleet.Bounds;
import dev.upgradetracker.events.host.HostCommand.AssignHost;
import dev.upgradetracker.events.host.HostCommand.ReleaseHost;
import dev.upgradetracker.events.host.HostEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host inventory: admins assign hosts to teams, one at a time or as an inventory file, reassign
 * and release them; everyone who reads may list them and read each host's audited history.
 */
@RestController
@RequestMapping("/api/hosts")
class HostController {

  static final int MAX_PAGE = 1000;

  private final CommandSender sender;
  private final HostLedger ledger;
  private final EventStore events;

  HostController(CommandSender sender, HostLedger ledger, EventStore events) {
    this.sender = sender;
    this.ledger = ledger;
    this.events = events;
  }

  record Assignment(
      @NotNull @Pattern(regexp = Bounds.SSH_ADDRESS, message = Bounds.SSH_ADDRESS_FORM)
          String sshAddress,
      @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String team) {}

  record Changed(String host, HostChange change) {}

  record InventoryLine(
      @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String name,
      @NotNull @Pattern(regexp = Bounds.SSH_ADDRESS, message = Bounds.SSH_ADDRESS_FORM)
          String sshAddress,
      @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String team) {}

  record Inventory(
      @NotNull @Size(min = 1, max = Bounds.HOSTS_PER_IMPORT)
          List<@NotNull @Valid InventoryLine> hosts) {}

  /** {@code outcome}: a {@link HostChange}, or REFUSED with the reason in {@code detail}. */
  record LineImported(String host, String outcome, String detail) {}

  record InventoryImported(int changed, int unchanged, int refused, List<LineImported> hosts) {}

  /** {@code next}: pass it as {@code after} for the following page; null on the last. */
  record Page(List<HostEntry> hosts, String next) {}

  /** One event of a host's history, with who caused it. */
  record HistoryEntry(
      long sequence, Instant at, String user, String correlationId, HostEvent event) {}

  @GetMapping
  Page list(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInput("limit", "must be 1 to " + MAX_PAGE + ", was " + limit);
    }
    var hosts = ledger.list(team, after, limit);
    return new Page(hosts, hosts.size() < limit ? null : hosts.getLast().host());
  }

  @GetMapping("/{host}")
  HostEntry get(@PathVariable String host) {
    return ledger.find(host).orElseThrow(() -> new NotFound("host", host));
  }

  @GetMapping("/{host}/history")
  List<HistoryEntry> history(@PathVariable String host) {
    var history = new ArrayList<HistoryEntry>();
    var stream = events.readEvents(HostCommandDispatch.aggregateId(host), 0);
    while (stream.hasNext()) {
      var event = stream.next();
      history.add(
          new HistoryEntry(
              event.getSequenceNumber(),
              event.getTimestamp(),
              String.valueOf(event.getMetaData().get(TraceKeys.USER)),
              String.valueOf(event.getMetaData().get(TraceKeys.CORRELATION_ID)),
              (HostEvent) event.getPayload()));
    }
    if (history.isEmpty()) {
      throw new NotFound("host", host);
    }
    return history;
  }

  @PutMapping("/{host}")
  Changed assign(
      @PathVariable String host,
      @Valid @RequestBody Assignment assignment,
      HttpServletRequest http) {
    return new Changed(
        host, sender.send(new AssignHost(host, assignment.sshAddress(), assignment.team()), http));
  }

  @DeleteMapping("/{host}")
  Changed release(@PathVariable String host, HttpServletRequest http) {
    return new Changed(host, sender.send(new ReleaseHost(host), http));
  }

  /** Each line is assigned on its own: a refused line does not stop the others. */
  @PostMapping("/import")
  InventoryImported importInventory(
      @Valid @RequestBody Inventory inventory, HttpServletRequest http) {
    if (inventory.hosts() == null || inventory.hosts().isEmpty()) {
      throw new InvalidInput("hosts", "an inventory lists at least one host");
    }
    var lines = new ArrayList<LineImported>();
    for (var line : inventory.hosts()) {
      try {
        var change = sender.send(new AssignHost(line.name(), line.sshAddress(), line.team()), http);
        lines.add(new LineImported(line.name(), change.name(), null));
      } catch (CommandRefused refused) {
        lines.add(new LineImported(line.name(), "REFUSED", refused.getMessage()));
      }
    }
    int unchanged = count(lines, HostChange.UNCHANGED.name());
    int refused = count(lines, "REFUSED");
    return new InventoryImported(lines.size() - unchanged - refused, unchanged, refused, lines);
  }

  private static int count(List<LineImported> lines, String outcome) {
    return (int) lines.stream().filter(line -> line.outcome().equals(outcome)).count();
  }
}
