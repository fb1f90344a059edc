package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each process of a service is a named member of its service's consumer group (KAFKA_INSTANCE,
 * given by the stack): the executors' requests, the command services' action results, the query
 * services' views (one member per stream thread). One killed and started again takes its partitions
 * back at once, not after its Kafka session; a second process given the same name takes them from
 * the first, which says so and reports DOWN.
 */
@ExtendWith(SharedStack.class)
class ServiceInstancesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A service as its group, its member and its health see it. */
  enum Service {
    EXECUTOR("executor", "executor", "", "requests", "another executor took this one's requests"),
    COMMAND_SERVICE(
        "command-service",
        "command-service",
        "",
        "actionResults",
        "another command service took this one's action results"),
    QUERY_SERVICE(
        "query-service",
        "upgrade-tracker-views-2",
        "-1",
        "views",
        "another query service took this one's view tasks");

    final String module;
    final String group;
    final String threadSuffix;
    final String health;
    final String fenced;

    Service(String module, String group, String threadSuffix, String health, String fenced) {
      this.module = module;
      this.group = group;
      this.threadSuffix = threadSuffix;
      this.health = health;
      this.fenced = fenced;
    }

    String groupIn(Topics topics) {
      return topics.group(group);
    }

    /** The member a process of this name is: Kafka Streams suffixes its thread's number. */
    String member(String instance) {
      return instance + threadSuffix;
    }
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void aKilledProcessIsReplacedInItsGroupWithoutWaitingForItsOldSessionToEnd(
      Service service, SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var group = service.groupIn(stack.topics());
    try (var admin = Admin.create(stack.kafka().properties())) {
      var before = soleMember(admin, group);
      assertThat(before.groupInstanceId())
          .as("a named member")
          .contains(service.member(service.module));

      stack.crash(service.module);
      int mostAtOnce = 1;
      MemberDescription after = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!holdsAllOf(after, before) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        var members = members(admin, group);
        mostAtOnce = Math.max(mostAtOnce, members.size());
        after = members.size() == 1 ? members.iterator().next() : null;
      }

      assertThat(after).as("one member holding the group's partitions again").isNotNull();
      assertThat(after.consumerId()).as("the new process").isNotEqualTo(before.consumerId());
      assertThat(after.groupInstanceId()).contains(service.member(service.module));
      assertThat(after.assignment().topicPartitions())
          .containsExactlyInAnyOrderElementsOf(before.assignment().topicPartitions());
      // an unnamed member joins beside the dead one and waits until the dead one's session ends
      assertThat(mostAtOnce).as("members of the group at once").isEqualTo(1);
    } finally {
      stack.restart(service.module);
    }
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void aSecondProcessOfTheSameNameTakesTheWorkAndTheOtherSaysItStopped(
      Service service, SharedStack.Tenant tenant, @TempDir Path twinsData) throws Exception {
    var stack = tenant.stack();
    // topics and groups of their own: the twins take nothing of the stack's work
    var namespace = "twins-" + UUID.randomUUID();
    var twins = new ArrayList<ServiceProcess>();
    try {
      // started at once: whichever joins first is fenced by the other
      for (int i = 0; i < 2; i++) {
        var data = Files.createDirectories(twinsData.resolve("twin-" + i));
        var settings =
            Map.of(
                "KAFKA_NAMESPACE",
                namespace,
                "KAFKA_INSTANCE",
                "twin",
                "UT_DATA_DIR",
                data.toString());
        twins.add(stack.launchExtra(service.module, settings, TestStacks.freePort()));
      }
      // the one fenced may be fenced before it ever reports UP (a query service is UP once its
      // stream thread runs)
      List<ServiceProcess> going = List.of();
      List<ServiceProcess> stopped = List.of();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!(going.size() == 1 && stopped.size() == 1) && System.nanoTime() < deadline) {
        Thread.sleep(250);
        going = twins.stream().filter(ServiceInstancesIT::up).toList();
        stopped = twins.stream().filter(twin -> !problem(twin, service).isEmpty()).toList();
      }

      assertThat(stopped).as("one twin reports DOWN, saying why").hasSize(1);
      assertThat(going).as("the other goes on").hasSize(1).doesNotContain(stopped.getFirst());
      var health = health(stopped.getFirst());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
      assertThat(problem(stopped.getFirst(), service))
          .startsWith(service.fenced + " as KAFKA_INSTANCE=twin");
      assertThat(Files.readString(stopped.getFirst().log()))
          .contains(service.fenced + " as KAFKA_INSTANCE=twin");
      try (var admin = Admin.create(stack.kafka().properties())) {
        assertThat(soleMember(admin, service.groupIn(new Topics(namespace))).groupInstanceId())
            .contains(service.member("twin"));
      }
    } finally {
      for (var twin : twins) {
        twin.close();
      }
    }
  }

  private static boolean holdsAllOf(MemberDescription after, MemberDescription before) {
    return after != null
        && !after.consumerId().equals(before.consumerId())
        && after.assignment().topicPartitions().size()
            >= before.assignment().topicPartitions().size();
  }

  /** Its health, with the details an admin sees. */
  private static HttpResponse<String> health(ServiceProcess process) throws Exception {
    return Http.get(process.baseUrl() + "/actuator/health", DemoIdentities.ADMIN_TOKEN);
  }

  /** The problem its health names for the service's part that stops, or "" while it has none. */
  private static String problem(ServiceProcess process, Service service) {
    try {
      var component = JSON.readTree(health(process).body()).at("/components/" + service.health);
      return component.at("/status").asString("").equals("DOWN")
          ? component.at("/details/problem").asString("")
          : "";
    } catch (Exception e) {
      return "";
    }
  }

  private static boolean up(ServiceProcess process) {
    try {
      return health(process).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static MemberDescription soleMember(Admin admin, String group) throws Exception {
    var members = members(admin, group);
    assertThat(members).as("the members of %s", group).hasSize(1);
    return members.iterator().next();
  }

  private static Collection<MemberDescription> members(Admin admin, String group) throws Exception {
    return admin
        .describeConsumerGroups(List.of(group))
        .describedGroups()
        .get(group)
        .get()
        .members();
  }
}
