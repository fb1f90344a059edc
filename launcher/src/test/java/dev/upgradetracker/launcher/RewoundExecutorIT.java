package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.fleet.Fleets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old requests are not wanted any more, whatever the offsets say: executors that read the whole
 * events topic again — a new consumer group at offset 0, an empty data directory, what lost offsets
 * or an operator's reset amount to — send nothing to any host.
 */
@ExtendWith(SharedStack.class)
class RewoundExecutorIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void freshExecutorsReadingEveryRequestAgainAfterACompletedCampaignSendNothing(
      SharedStack.Tenant tenant) throws Exception {
    var stack = tenant.stack();
    var team = tenant.newTeam();
    tenant.add(Fleets.cluster("rewound").team(team).guestsPerHost(1, 1).build());
    var client = new CampaignClient(stack, team);
    client.start("{\"campaignId\": \"k-rewound\", \"clusterIds\": [\"rewound\"]}");
    client.await(
        "k-rewound",
        c -> CampaignClient.status(c).equals("COMPLETED"),
        Duration.ofMinutes(5),
        "the campaign completed");
    var commandsBefore = served(stack, "/commands").size();
    assertThat(served(stack, "/commands?cluster=rewound").size()).isPositive();

    var group = "rewound-" + UUID.randomUUID();
    var executors = new ArrayList<AutoCloseable>();
    try {
      for (int i = 0; i < 2; i++) {
        var data = Files.createTempDirectory("ut-rewound-executor-");
        executors.add(
            stack.startExtraExecutor(
                Map.of("EXECUTOR_GROUP", group, "UT_DATA_DIR", data.toString()),
                TestStacks.freePort()));
      }
      awaitGroupAtTheEnd(stack, group);
    } finally {
      for (var executor : executors) {
        executor.close();
      }
    }

    assertThat(served(stack, "/commands").size())
        .as("no host received anything, as the simulator serves it")
        .isEqualTo(commandsBefore);
    assertThat(served(stack, "/violations?cluster=rewound").size()).isZero();
  }

  /** What the simulator serves, read-only, of its hosts' side effects. */
  private static JsonNode served(Stack stack, String path) throws Exception {
    return JSON.readTree(Http.get(stack.sideEffectsUrl() + path).body());
  }

  /** The positive signal: the group has committed every offset of the events topic. */
  private static void awaitGroupAtTheEnd(Stack stack, String group) throws Exception {
    var props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    var topic = stack.topics().events();
    try (var admin = Admin.create(props)) {
      var partitions =
          admin
              .describeTopics(java.util.List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      var specs = new HashMap<TopicPartition, OffsetSpec>();
      partitions.forEach(p -> specs.put(p, OffsetSpec.latest()));
      var ends = admin.listOffsets(specs).all().get();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (true) {
        var committed =
            admin
                .listConsumerGroupOffsets(stack.topics().group(group))
                .partitionsToOffsetAndMetadata()
                .get();
        boolean atEnd =
            partitions.stream()
                .allMatch(
                    p -> {
                      var end = ends.get(p).offset();
                      var at = committed.get(p);
                      return end == 0 || (at != null && at.offset() >= end);
                    });
        if (atEnd) {
          return;
        }
        assertThat(System.nanoTime()).as("group %s reached the end", group).isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }
}
