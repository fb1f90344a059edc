package dev.upgradetracker.command.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each caller's command rate.
 *
 * @param commandsPerSecond how many commands a user may send per second, sustained
 * @param burst how many a user may send at once after a quiet spell
 */
@ConfigurationProperties("upgrade-tracker.rate")
public record RateSettings(
    @DefaultValue("50") int commandsPerSecond, @DefaultValue("500") int burst) {}
