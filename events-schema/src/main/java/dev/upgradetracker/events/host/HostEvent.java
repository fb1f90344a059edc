package dev.upgradetracker.events.host;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Everything that can happen to a host's assignment: the vocabulary of the Host aggregate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HostEvent.HostAssigned.class, name = "HostAssigned.v1"),
  @JsonSubTypes.Type(value = HostEvent.HostReassigned.class, name = "HostReassigned.v1"),
  @JsonSubTypes.Type(value = HostEvent.HostReleased.class, name = "HostReleased.v1")
})
public sealed interface HostEvent {

  String host();

  record HostAssigned(String host, String sshAddress, String team) implements HostEvent {}

  /** Another team, another address, or both. */
  record HostReassigned(
      String host, String sshAddress, String team, String previousAddress, String previousTeam)
      implements HostEvent {}

  record HostReleased(String host, String sshAddress, String team) implements HostEvent {}
}
