package dev.upgradetracker.command.notification;

import dev.upgradetracker.command.input.InputChecks;
import dev.upgradetracker.command.notification.model.NotificationKind;
import dev.upgradetracker.command.notification.model.WebhookTarget;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.web.Callers;
import dev.upgradetracker.web.identity.Identity;
import dev.upgradetracker.web.identity.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A team's webhooks: an operator registers, changes and deletes the own team's; the team (and
 * auditors and admins) read them and every delivery with its attempts. The secret that signs the
 * deliveries is answered once, when the webhook is made.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

  static final int MAX_DELIVERIES = 500;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Webhooks webhooks;
  private final WebhookSettings settings;
  private final Clock clock = Clock.systemUTC();

  WebhookController(Webhooks webhooks, WebhookSettings settings) {
    this.webhooks = webhooks;
    this.settings = settings;
  }

  /**
   * @param kinds what the webhook is told of; omitted: everything
   */
  record WebhookRequest(
      @Size(max = WebhookTarget.MAX_URL_LENGTH) String url,
      @Size(max = 10) List<NotificationKind> kinds) {}

  record WebhookView(
      String team,
      String name,
      String url,
      Set<NotificationKind> kinds,
      Instant createdAt,
      String createdBy) {

    static WebhookView of(Webhook hook) {
      return new WebhookView(
          hook.team(), hook.name(), hook.url(), hook.kinds(), hook.createdAt(), hook.createdBy());
    }
  }

  /** A new webhook, with the secret its deliveries are signed by: shown this once. */
  record Created(WebhookView webhook, String secret) {}

  @PutMapping("/{name}")
  @Transactional
  ResponseEntity<?> put(@PathVariable String name, @Valid @RequestBody WebhookRequest request) {
    InputChecks.name("name", name);
    var caller = Callers.current();
    WebhookTarget.problem(request.url(), settings.allowedHosts())
        .ifPresent(
            problem -> {
              throw new InvalidInput("url", problem);
            });
    var kinds =
        request.kinds() == null || request.kinds().isEmpty()
            ? EnumSet.allOf(NotificationKind.class)
            : EnumSet.copyOf(request.kinds());
    var existing = webhooks.find(caller.team(), name);
    if (existing.isPresent()) {
      webhooks.update(existing.get().id(), request.url(), kinds);
      return ResponseEntity.ok(WebhookView.of(webhooks.find(caller.team(), name).orElseThrow()));
    }
    if (webhooks.count(caller.team()) >= settings.perTeam()) {
      throw new InvalidInput(
          "name",
          "team " + caller.team() + " has " + settings.perTeam() + " webhooks, the most allowed");
    }
    var hook =
        new Webhook(
            UUID.randomUUID().toString(),
            caller.team(),
            name,
            request.url(),
            kinds,
            clock.instant(),
            caller.user());
    var secret = newSecret();
    webhooks.create(hook, secret);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Created(WebhookView.of(hook), secret));
  }

  @GetMapping
  List<WebhookView> list() {
    return webhooks.list(teamRead(Callers.current())).stream().map(WebhookView::of).toList();
  }

  @GetMapping("/{name}/deliveries")
  List<Delivery> deliveries(
      @PathVariable String name,
      @RequestParam(required = false) String team,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_DELIVERIES) {
      throw new InvalidInput("limit", "must be 1 to " + MAX_DELIVERIES);
    }
    var caller = Callers.current();
    var owner = teamRead(caller) == null ? team : caller.team();
    if (owner == null || owner.isEmpty()) {
      throw new InvalidInput("team", "is required: whose webhook " + name + " is read");
    }
    var hook = webhooks.find(owner, name).orElseThrow(() -> new NotFound("webhook", name));
    return webhooks.deliveries(hook.id(), limit);
  }

  @DeleteMapping("/{name}")
  @Transactional
  ResponseEntity<Void> delete(@PathVariable String name) {
    var caller = Callers.current();
    var hook = webhooks.find(caller.team(), name).orElseThrow(() -> new NotFound("webhook", name));
    webhooks.delete(hook.id());
    return ResponseEntity.noContent().build();
  }

  /**
   * The team whose webhooks a caller reads; null for auditors and admins, who read every team's.
   */
  private static String teamRead(Identity caller) {
    return caller.has(Role.AUDITOR) || caller.has(Role.ADMIN) ? null : caller.team();
  }

  private static String newSecret() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
