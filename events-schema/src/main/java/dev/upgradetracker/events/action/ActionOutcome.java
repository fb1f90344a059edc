package dev.upgradetracker.events.action;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * What running an action on a host produced. {@code output} is an excerpt bounded by the executor;
 * {@code commandLines} are the exact lines sent to the host.
 */
public record ActionOutcome(
    ActionStatus status,
    int exitCode,
    String output,
    long durationMillis,
    List<String> commandLines,
    @Nullable String hostKeyFingerprint) {}
