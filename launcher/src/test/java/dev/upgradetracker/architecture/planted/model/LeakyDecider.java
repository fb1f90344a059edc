package dev.upgradetracker.architecture.planted.model;

import org.springframework.stereotype.Component;

/** Planted for {@code ArchitectureTest}: a model that depends on Spring. */
@Component
public class LeakyDecider {}
