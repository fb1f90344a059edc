package dev.upgradetracker.web.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest input a service accepts.
 *
 * @param maxBody the largest request body (JSON) anywhere but the imports
 * @param maxImportBody the largest fleet file or host inventory an import accepts
 */
@ConfigurationProperties("upgrade-tracker.limits")
public record LimitSettings(
    @DefaultValue("1MB") DataSize maxBody, @DefaultValue("16MB") DataSize maxImportBody) {}
