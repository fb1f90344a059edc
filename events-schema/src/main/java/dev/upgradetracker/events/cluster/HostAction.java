package dev.upgradetracker.events.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the executor is asked to do on a host. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = HostAction.MoveGuest.class, name = "MoveGuest")})
public sealed interface HostAction {

  /** Guests as packages: halt the guest's package and run it on another node. */
  record MoveGuest(String guest, String fromHost, String toHost) implements HostAction {}
}
