package dev.upgradetracker.query.history;

import java.util.List;

/**
 * One page of a time-ordered history: up to {@code size} events; {@code next}, when there are more,
 * is the cursor to send back as {@code after} for the following page.
 */
public record HistorySlice(List<HistoryEntry> items, int size, String next) {}
