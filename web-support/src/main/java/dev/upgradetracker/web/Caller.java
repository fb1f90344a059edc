package dev.upgradetracker.web;

/** An authenticated caller: a team, or an auditor who may only read. */
public record Caller(String name, boolean auditor) {}
