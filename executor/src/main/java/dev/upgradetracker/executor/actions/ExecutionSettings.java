package dev.upgradetracker.executor.actions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency how many actions run at once, over all hosts (one at a time per host)
 * @param connectionAttempts how often an action is tried when the host cannot be reached or the
 *     connection drops (never for a failed or hung command)
 * @param retryBackoff the pause before the second attempt, doubled before each further one
 * @param maxRequestAge a request older than this (by the signed time it was made) is no longer
 *     wanted and never run: the step that made it has long timed out
 * @param group the consumer group the executors share the requests in
 */
@ConfigurationProperties("upgrade-tracker.executor.execution")
public record ExecutionSettings(
    int concurrency,
    int connectionAttempts,
    Duration retryBackoff,
    @DefaultValue("1h") Duration maxRequestAge,
    @DefaultValue("executor") String group) {}
