package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each executor is a named member of the executors' group (KAFKA_INSTANCE, given by the stack): one
 * killed and started again takes its requests back at once, not after its Kafka session; a second
 * process given the same name takes them from the first, which says so and reports DOWN.
 */
@ExtendWith(SharedStack.class)
class ExecutorInstancesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The earliest a killed member's session ends (KafkaClients: a 10 s session, a heartbeat every 3
   * s): what a restarted executor waited for before it was a named member, 7.3–9.9 s from the kill
   * (3.9 s as one).
   */
  private static final Duration SESSION_AFTER_LAST_HEARTBEAT = Duration.ofSeconds(10 - 3);

  @Test
  void aKilledExecutorHoldsItsRequestsAgainSoonerThanItsSessionWouldHaveEnded(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var group = stack.topics().group("executor");
    try (var admin = Admin.create(stack.kafka().properties())) {
      var before = soleMember(admin, group);
      assertThat(before.groupInstanceId()).as("a named member").contains("executor");

      long killed = System.nanoTime();
      stack.crash("executor");
      MemberDescription after;
      do {
        Thread.sleep(100);
        after = soleMemberOrNull(admin, group);
      } while ((after == null
              || after.consumerId().equals(before.consumerId())
              || after.assignment().topicPartitions().size()
                  < before.assignment().topicPartitions().size())
          && System.nanoTime() - killed < Duration.ofSeconds(60).toNanos());

      assertThat(after).isNotNull();
      assertThat(after.consumerId()).as("the new process").isNotEqualTo(before.consumerId());
      assertThat(after.groupInstanceId()).contains("executor");
      assertThat(after.assignment().topicPartitions())
          .containsExactlyInAnyOrderElementsOf(before.assignment().topicPartitions());
      assertThat(Duration.ofNanos(System.nanoTime() - killed))
          .as("from the kill to the new process holding every partition")
          .isLessThan(SESSION_AFTER_LAST_HEARTBEAT);
    }
    stack.restart("executor");
  }

  @Test
  void aSecondExecutorOfTheSameNameTakesTheRequestsAndTheOtherSaysItStopped(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var group = "twins-" + UUID.randomUUID();
    var twins = new ArrayList<ServiceProcess>();
    try {
      // started at once: whichever joins first is fenced by the other
      for (int i = 0; i < 2; i++) {
        var data = Files.createTempDirectory("ut-twin-executor-");
        var settings =
            Map.of(
                "EXECUTOR_GROUP", group, "KAFKA_INSTANCE", "twin", "UT_DATA_DIR", data.toString());
        twins.add(stack.launchExtraExecutor(settings, TestStacks.freePort()));
      }
      for (var twin : twins) {
        twin.awaitHealthy(Duration.ofMinutes(2));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (twins.stream().allMatch(ExecutorInstancesIT::up) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      var stopped = twins.stream().filter(twin -> !up(twin)).toList();
      assertThat(stopped).as("one twin reports DOWN").hasSize(1);
      var health = Http.get(healthUrl(stopped.getFirst()));
      assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).at("/components/requests/status").asString())
          .isEqualTo("DOWN");
      assertThat(Files.readString(stopped.getFirst().log()))
          .contains("another executor took this one's requests as KAFKA_INSTANCE=twin");
      assertThat(twins.stream().filter(ExecutorInstancesIT::up)).as("the other goes on").hasSize(1);
      try (var admin = Admin.create(stack.kafka().properties())) {
        assertThat(soleMember(admin, stack.topics().group(group)).groupInstanceId())
            .contains("twin");
      }
    } finally {
      for (var twin : twins) {
        twin.close();
      }
    }
  }

  private static String healthUrl(ServiceProcess executor) {
    return executor.baseUrl() + "/actuator/health";
  }

  private static boolean up(ServiceProcess executor) {
    try {
      return Http.get(healthUrl(executor)).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static MemberDescription soleMember(Admin admin, String group) throws Exception {
    var member = soleMemberOrNull(admin, group);
    assertThat(member).as("one member of %s", group).isNotNull();
    return member;
  }

  private static MemberDescription soleMemberOrNull(Admin admin, String group) throws Exception {
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    var members = description.members();
    return members.size() == 1 ? members.iterator().next() : null;
  }
}
