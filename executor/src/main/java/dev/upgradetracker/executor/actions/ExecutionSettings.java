package dev.upgradetracker.executor.actions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param concurrency how many actions run at once, over all hosts (one at a time per host)
 * @param connectionAttempts how often an action is tried when the host cannot be reached or the
 *     connection drops (never for a failed or hung command)
 * @param retryBackoff the pause before the second attempt, doubled before each further one
 */
@ConfigurationProperties("upgrade-tracker.executor.execution")
public record ExecutionSettings(int concurrency, int connectionAttempts, Duration retryBackoff) {}
