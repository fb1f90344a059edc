package dev.upgradetracker.command.publishing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keysDir where the request-signing keys are (made at first start; see {@code SigningKeys})
 */
@ConfigurationProperties("upgrade-tracker.signing")
public record SigningSettings(Path keysDir) {}
