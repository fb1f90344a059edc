package dev.upgradetracker.command.warmup;

import dev.upgradetracker.command.axon.CommandMessages;
import dev.upgradetracker.command.cluster.model.ClusterCommandDispatch;
import dev.upgradetracker.command.cluster.model.ClusterDecider;
import dev.upgradetracker.command.cluster.model.ClusterState;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.cluster.ClusterCommand.RegisterCluster;
import dev.upgradetracker.events.cluster.ClusterCommand.UpdateCluster;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.events.fleet.Versions;
import dev.upgradetracker.events.fleet.VmHost;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rehearses the command path once before the service reports ready, so that the first real command
 * after a start does not pay for first uses: reading a request's cluster as the controller does and
 * validating it, deciding its events and writing them in the stored form and back, and a cluster
 * update sent through the command bus to the event store, which finds no such cluster and refuses
 * it. Nothing is stored; the rehearsal's cluster id is random and never exists.
 */
@Component
class CommandPathRehearsal implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CommandPathRehearsal.class);

  private static final String HPUX = "B.11.23";
  private static final String IVM_3 = "A.03.50";

  private final CommandGateway commands;
  private final JsonMapper json;
  private final Validator validator;
  private final Serializer events;

  CommandPathRehearsal(
      CommandGateway commands,
      JsonMapper json,
      Validator validator,
      @Qualifier("eventSerializer") Serializer events) {
    this.commands = commands;
    this.json = json;
    this.validator = validator;
    this.events = events;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    rehearse();
    log.info(
        "command path rehearsed in {} ms before reporting ready",
        (System.nanoTime() - started) / 1_000_000);
  }

  private void rehearse() {
    var id = "rehearsal-" + UUID.randomUUID();
    var cluster = json.readValue(json.writeValueAsString(sample(id)), ClusterSpec.class);
    var problems = validator.validate(cluster);
    if (!problems.isEmpty()) {
      log.warn("the rehearsal's cluster is not valid, rehearsing without it: {}", problems);
      return;
    }
    for (var event :
        ClusterDecider.decide(new RegisterCluster(cluster), new ClusterState.Unregistered())) {
      SerializedObject<byte[]> stored = events.serialize(event, byte[].class);
      events.deserialize(stored);
      json.writeValueAsString(event);
    }
    try {
      commands.sendAndWait(
          CommandMessages.bySystem(
              new ClusterCommandDispatch(new UpdateCluster(cluster)), "rehearsal", id));
      log.warn("the rehearsal's cluster {} was found; nothing else was done with it", id);
    } catch (AggregateNotFoundException | CommandRefused expected) {
      // what a cluster that does not exist gets: the whole path up to the store was run
    }
  }

  /** A two-node cluster on 3.x with one guest: what a team registers first. */
  private static ClusterSpec sample(String id) {
    var first =
        new VmHost("r1", "127.0.0.1:1", HPUX, IVM_3, Versions.SERVICEGUARD_ROLLING_BASELINE);
    return new ClusterSpec(
        id,
        "rehearsal",
        Topology.GUESTS_AS_PACKAGES,
        false,
        List.of(
            first,
            new VmHost("r2", "127.0.0.1:2", HPUX, IVM_3, Versions.SERVICEGUARD_ROLLING_BASELINE)),
        List.of(new Guest("rg1", "r1", IVM_3)),
        List.of());
  }
}
