package dev.upgradetracker.web.health;

import java.util.Optional;
import org.springframework.boot.health.contributor.Health;

/** A part of a service that is UP unless it has a problem, which its health then names. */
public final class ProblemHealth {

  private ProblemHealth() {}

  public static Health of(Optional<String> problem) {
    return problem
        .map(why -> Health.down().withDetail("problem", why).build())
        .orElseGet(() -> Health.up().build());
  }
}
