package dev.upgradetracker.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxStreamsPerCaller how many live streams one user may hold open at once
 * @param streamTimeout a stream ends after this long; browsers reconnect with Last-Event-ID
 */
@ConfigurationProperties("upgrade-tracker.live")
public record LiveSettings(
    @DefaultValue("8") int maxStreamsPerCaller, @DefaultValue("30m") Duration streamTimeout) {}
