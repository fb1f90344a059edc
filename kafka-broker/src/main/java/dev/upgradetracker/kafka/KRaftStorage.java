package dev.upgradetracker.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kafka.tools.StorageTool;

/** Formats a KRaft node's log directory, as {@code kafka-storage.sh format} does. */
final class KRaftStorage {

  private KRaftStorage() {}

  /**
   * @param standalone a single controller that makes itself the quorum; otherwise the voters are
   *     those its properties name, and every node of the cluster is formatted with the same id
   */
  static void format(Path propsFile, String clusterId, boolean standalone) {
    var args = new ArrayList<String>();
    args.add("format");
    if (standalone) {
      args.add("--standalone");
    }
    args.addAll(List.of("-t", clusterId, "-c", propsFile.toString()));
    var captured = new ByteArrayOutputStream();
    int exit;
    try (var out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      exit = StorageTool.execute(args.toArray(String[]::new), out);
    }
    if (exit != 0) {
      throw new IllegalStateException(
          "formatting the Kafka log directory failed: "
              + captured.toString(StandardCharsets.UTF_8));
    }
  }
}
