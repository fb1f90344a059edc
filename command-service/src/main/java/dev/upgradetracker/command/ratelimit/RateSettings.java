package dev.upgradetracker.command.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each caller's command rate, and the service's commands at once.
 *
 * @param commandsPerSecond how many commands a user may send per second, sustained
 * @param burst how many a user may send at once after a quiet spell
 * @param inFlight how many commands the service takes on at once, from every caller together
 * @param inFlightWait how long a command waits for one of those places before it is turned away
 */
@ConfigurationProperties("upgrade-tracker.rate")
public record RateSettings(
    @DefaultValue("50") int commandsPerSecond,
    @DefaultValue("500") int burst,
    @DefaultValue("64") int inFlight,
    @DefaultValue("1s") Duration inFlightWait) {

  public RateSettings {
    if (inFlight < 1) {
      throw new IllegalArgumentException("COMMANDS_IN_FLIGHT must be at least 1, not " + inFlight);
    }
    if (inFlightWait.isNegative()) {
      throw new IllegalArgumentException(
          "COMMAND_IN_FLIGHT_WAIT must not be negative, not " + inFlightWait);
    }
  }
}
