package dev.upgradetracker.cli.campaign;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import dev.upgradetracker.cli.context.Connection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "campaign",
    description = "Start and steer campaigns: many clusters upgraded in the plan's order.",
    subcommands = CampaignCommand.Start.class)
public final class CampaignCommand {

  @Command(name = "start", description = "Start a campaign over the given clusters.")
  static final class Start implements Callable<Integer> {

    @Mixin Connection connection;
    @Mixin Output output;

    @Option(names = "--id", description = "the campaign's id (default: one is made up)")
    String campaignId;

    @Parameters(paramLabel = "CLUSTER", arity = "1..*", description = "in the order to take up")
    List<String> clusterIds;

    @Option(names = "--parallel", description = "clusters in progress at once (default 1)")
    Integer parallel;

    @Option(names = "--approval-gates", description = "wait for approval before node upgrades")
    boolean approvalGates;

    @Option(names = "--mode", description = "UPDATE (default) or COLD_MIGRATE")
    String mode;

    @Option(names = "--step-timeout", description = "ISO-8601 duration, e.g. PT30M (default)")
    String stepTimeout;

    @Override
    public Integer call() {
      var request = Api.JSON.createObjectNode();
      request.put("campaignId", campaignId);
      request.putPOJO("clusterIds", clusterIds);
      request.put("maxClustersInProgress", parallel);
      request.put("approvalGates", approvalGates);
      request.put("mode", mode);
      request.put("stepTimeout", stepTimeout);
      printAfter(
          output, connection.api(), connection.api().command("/api/campaigns", request.toString()));
      return 0;
    }
  }

  @Command(name = "show", description = "The campaign: each cluster's phase and what it waits for.")
  int show(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId) {
    var campaign = connection.api().query("/api/campaigns/" + campaignId);
    output.print(campaign, out -> print(out, campaign));
    return 0;
  }

  @Command(name = "pause", description = "Start no new step until resumed; running steps finish.")
  int pause(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId) {
    return steer(connection, output, campaignId, "pause", "");
  }

  @Command(name = "resume", description = "Go on with a paused campaign.")
  int resume(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId) {
    return steer(connection, output, campaignId, "resume", "");
  }

  @Command(name = "abort", description = "Stop the campaign for good; running steps finish.")
  int abort(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId,
      @Option(names = "--reason", description = "why, kept in the history") String reason) {
    return steer(connection, output, campaignId, "abort", body("reason", reason));
  }

  @Command(name = "retry", description = "Take up a cluster's failed step again.")
  int retry(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId,
      @Parameters(paramLabel = "CLUSTER") String clusterId) {
    return steer(connection, output, campaignId, "clusters/" + clusterId + "/retry", "");
  }

  @Command(
      name = "skip",
      description = "Waive a cluster's failed step (where the procedure allows it) and go on.")
  int skip(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId,
      @Parameters(paramLabel = "CLUSTER") String clusterId,
      @Option(names = "--reason", required = true, description = "why, kept in the history")
          String reason) {
    return steer(
        connection, output, campaignId, "clusters/" + clusterId + "/skip", body("reason", reason));
  }

  @Command(
      name = "approve",
      description =
          "Approve a node's upgrade in a gated campaign (with four eyes: not by its starter).")
  int approve(
      @Mixin Connection connection,
      @Mixin Output output,
      @Parameters(paramLabel = "CAMPAIGN") String campaignId,
      @Parameters(paramLabel = "CLUSTER") String clusterId,
      @Option(names = "--host", required = true, description = "the node whose upgrade waits")
          String host) {
    return steer(
        connection, output, campaignId, "clusters/" + clusterId + "/approve", body("host", host));
  }

  /** A JSON body of one field. */
  private static String body(String field, String value) {
    return Api.JSON.createObjectNode().put(field, value).toString();
  }

  /** Sends one of the campaign's controls and prints the campaign as it stands after it. */
  private static int steer(
      Connection connection, Output output, String campaignId, String control, String body) {
    printAfter(
        output,
        connection.api(),
        connection.api().command("/api/campaigns/" + campaignId + "/" + control, body));
    return 0;
  }

  /** The campaign as the query service shows it once it has seen the command {@code accepted}. */
  private static void printAfter(Output output, Api api, JsonNode accepted) {
    var campaign =
        api.query(
            "/api/campaigns/"
                + accepted.path("campaignId").asString()
                + "?position="
                + accepted.path("position").asLong());
    output.print(campaign, out -> print(out, campaign));
  }

  static void print(PrintWriter out, JsonNode campaign) {
    var counts = campaign.path("counts");
    int aborted = counts.path("aborted").asInt();
    out.printf(
        "campaign %s  %s  team %s  %.1f%% (steps %d of %d)  done %d, running %d, failed %d,"
            + " pending %d%s%s%n",
        campaign.path("campaignId").asString(),
        campaign.path("status").asString(),
        campaign.path("team").asString(""),
        counts.path("percent").asDouble(),
        counts.path("stepsCompleted").asInt(),
        counts.path("stepsPlanned").asInt(),
        counts.path("done").asInt(),
        counts.path("running").asInt(),
        counts.path("failed").asInt(),
        counts.path("pending").asInt(),
        aborted > 0 ? ", left by the abort " + aborted : "",
        campaign.path("reason").isString() ? "  (" + campaign.path("reason").asString() + ")" : "");
    for (var cluster : campaign.path("clusters")) {
      var detail = cluster.path("detail").asString("");
      out.printf(
          "  %-24s %-18s steps %d%s%s%n",
          cluster.path("clusterId").asString(),
          cluster.path("phase").asString(),
          cluster.path("stepsCompleted").asInt(),
          waiting(cluster.path("waiting")),
          detail.isEmpty() ? "" : "  " + detail);
    }
  }

  /**
   * What the cluster waits for, e.g. {@code [APPROVAL h2 since 2026-11-29T13:16:49Z]} or {@code
   * [STEP BackUpHost h2 since 2026-11-29T13:16:49Z, usually PT4M30S]}.
   */
  private static String waiting(JsonNode wait) {
    if (!wait.isObject()) {
      return "";
    }
    var usual = wait.path("usual").asString("");
    return "  ["
        + wait.path("kind").asString()
        + word(wait.path("command"))
        + word(wait.path("host"))
        + " since "
        + wait.path("since").asString()
        + (usual.isEmpty() ? "" : ", usually " + usual)
        + "]";
  }

  private static String word(JsonNode text) {
    var value = text.asString("");
    return value.isEmpty() ? "" : " " + value;
  }
}
