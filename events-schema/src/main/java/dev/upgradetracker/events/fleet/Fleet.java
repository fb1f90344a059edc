package dev.upgradetracker.events.fleet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A fleet file: the inventory import format, also read by the host simulator. */
public record Fleet(
    @NotNull @Size(min = 1, max = Bounds.CLUSTERS_PER_IMPORT)
        List<@NotNull @Valid ClusterSpec> clusters) {}
