package dev.upgradetracker.events.campaign;

import java.time.LocalTime;

/**
 * A daily window in which new host actions may start: from {@code start} to {@code end} in {@code
 * zone} (an end before the start crosses midnight). Actions already running carry on past its end.
 */
public record MaintenanceWindow(LocalTime start, LocalTime end, String zone) {}
