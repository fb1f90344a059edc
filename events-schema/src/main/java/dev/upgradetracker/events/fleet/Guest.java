package dev.upgradetracker.events.fleet;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A guest, the VM host it runs on, and the version of its guest kit. */
public record Guest(
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String name,
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String host,
    @NotNull @Pattern(regexp = Bounds.IVM_VERSION, message = Bounds.IVM_VERSION_FORM)
        String kitVersion) {}
