package dev.upgradetracker.events.fleet;

/** A guest, the VM host it runs on, and the version of its guest kit. */
public record Guest(String name, String host, String kitVersion) {}
