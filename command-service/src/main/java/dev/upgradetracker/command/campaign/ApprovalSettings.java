package dev.upgradetracker.command.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fourEyes the user who started a campaign may not approve its gated steps (on unless
 *     switched off)
 */
@ConfigurationProperties("upgrade-tracker.approvals")
public record ApprovalSettings(@DefaultValue("true") boolean fourEyes) {}
