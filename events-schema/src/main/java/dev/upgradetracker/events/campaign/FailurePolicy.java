package dev.upgradetracker.events.campaign;

/**
 * What a failed cluster does to the rest of the campaign: with {@code continueOtherClusters} the
 * others carry on until more than {@code maxFailures} clusters have failed; without it the campaign
 * stops at the first failure (running actions finish, no new ones start).
 */
public record FailurePolicy(boolean continueOtherClusters, int maxFailures) {}
