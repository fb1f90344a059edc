package dev.upgradetracker.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param teams {@code team=token} pairs: each team's bearer token
 * @param auditors {@code name=token} pairs: callers who may only read
 */
@ConfigurationProperties("upgrade-tracker.auth")
public record AuthSettings(String teams, String auditors) {}
