package dev.upgradetracker.query.replay;

import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.QueryServiceApplication;
import dev.upgradetracker.query.streams.ViewsRunner;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two query-service instances sharing the views' work (one application id), in this JVM. */
final class TwoViewInstances implements AutoCloseable {

  final List<ConfigurableApplicationContext> instances;
  final List<String> urls;

  private TwoViewInstances(List<ConfigurableApplicationContext> instances, List<String> urls) {
    this.instances = instances;
    this.urls = urls;
  }

  static TwoViewInstances start(String bootstrapServers, Topics topics, Path stateRoot)
      throws Exception {
    var applicationId = "views-it-" + UUID.randomUUID();
    var ports = List.of(freePort(), freePort());
    var instances =
        ports.stream()
            .map(
                port ->
                    new SpringApplicationBuilder(QueryServiceApplication.class)
                        .run(
                            "--server.port=" + port,
                            "--upgrade-tracker.views.bootstrap-servers=" + bootstrapServers,
                            "--upgrade-tracker.views.state-dir=" + stateRoot.resolve("i" + port),
                            "--upgrade-tracker.views.application-id=" + applicationId,
                            "--upgrade-tracker.views.namespace=" + topics.namespace(),
                            "--upgrade-tracker.views.partitions=4",
                            "--logging.structured.format.console="))
            .toList();
    var started =
        new TwoViewInstances(instances, ports.stream().map(p -> "http://127.0.0.1:" + p).toList());
    started.awaitRunning(Duration.ofMinutes(2));
    return started;
  }

  ViewsRunner views(int instance) {
    return instances.get(instance).getBean(ViewsRunner.class);
  }

  private void awaitRunning(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!(views(0).state() == KafkaStreams.State.RUNNING
        && views(1).state() == KafkaStreams.State.RUNNING)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the two view instances did not both start running");
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    instances.forEach(ConfigurableApplicationContext::close);
  }
}
