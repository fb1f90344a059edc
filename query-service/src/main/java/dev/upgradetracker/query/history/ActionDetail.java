package dev.upgradetracker.query.history;

import java.util.List;

/**
 * A host action as the history shows it: when requested, what was asked ({@code request}); when
 * finished, how it went, with the exact command lines run, exit code, duration and output excerpt.
 */
public record ActionDetail(
    String actionId,
    String host,
    String request,
    String status,
    Integer exitCode,
    Long durationMillis,
    List<String> commandLines,
    String output,
    String hostKeyFingerprint) {}
