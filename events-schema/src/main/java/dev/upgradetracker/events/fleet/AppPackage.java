package dev.upgradetracker.events.fleet;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A Serviceguard application package on a GUESTS_AS_NODES cluster: it runs on one guest node. */
public record AppPackage(
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String name,
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String node,
    @Nullable @Size(max = Bounds.HOSTS_PER_CLUSTER)
        List<@NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String>
            failoverNodes) {}
