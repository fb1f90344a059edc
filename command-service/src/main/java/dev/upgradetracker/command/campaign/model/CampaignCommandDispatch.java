package dev.upgradetracker.command.campaign.model;

import dev.upgradetracker.events.campaign.CampaignCommand;

/** How a {@link CampaignCommand} travels on Axon's command bus: one message type, one handler. */
public record CampaignCommandDispatch(CampaignCommand command) {}
