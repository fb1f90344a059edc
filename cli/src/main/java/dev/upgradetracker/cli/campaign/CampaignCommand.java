package dev.upgradetracker.cli.campaign;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Connection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(
    name = "campaign",
    description = "Start and steer campaigns: many clusters upgraded in the plan's order.",
    subcommands = {
      CampaignCommand.Start.class,
      CampaignCommand.Show.class,
      CampaignCommand.Pause.class,
      CampaignCommand.Resume.class,
      CampaignCommand.Abort.class
    })
public final class CampaignCommand {

  @Command(name = "start", description = "Start a campaign over the given clusters.")
  static final class Start implements Callable<Integer> {

    @Mixin Connection connection;
    @Spec CommandSpec spec;

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
      print(
          spec.commandLine().getOut(),
          connection.api().command("/api/campaigns", request.toString()));
      return 0;
    }
  }

  @Command(name = "show", description = "The campaign as the command side holds it.")
  static final class Show implements Callable<Integer> {

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaignId;

    @Override
    public Integer call() {
      print(
          spec.commandLine().getOut(),
          connection.api().commandSide("/api/campaigns/" + campaignId));
      return 0;
    }
  }

  @Command(name = "pause", description = "Start no new step until resumed; running steps finish.")
  static final class Pause implements Callable<Integer> {

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaignId;

    @Override
    public Integer call() {
      print(
          spec.commandLine().getOut(),
          connection.api().command("/api/campaigns/" + campaignId + "/pause", ""));
      return 0;
    }
  }

  @Command(name = "resume", description = "Go on with a paused campaign.")
  static final class Resume implements Callable<Integer> {

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaignId;

    @Override
    public Integer call() {
      print(
          spec.commandLine().getOut(),
          connection.api().command("/api/campaigns/" + campaignId + "/resume", ""));
      return 0;
    }
  }

  @Command(name = "abort", description = "Stop the campaign for good; running steps finish.")
  static final class Abort implements Callable<Integer> {

    @Mixin Connection connection;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaignId;

    @Option(names = "--reason", description = "why, kept in the history")
    String reason;

    @Override
    public Integer call() {
      var body = Api.JSON.createObjectNode().put("reason", reason).toString();
      print(
          spec.commandLine().getOut(),
          connection.api().command("/api/campaigns/" + campaignId + "/abort", body));
      return 0;
    }
  }

  static void print(PrintWriter out, JsonNode campaign) {
    out.printf(
        "campaign %s  %s  team %s  done %d, running %d, failed %d, pending %d%n",
        campaign.path("campaignId").asString(),
        campaign.path("status").asString(),
        campaign.path("team").asString(""),
        campaign.path("done").asInt(),
        campaign.path("running").asInt(),
        campaign.path("failed").asInt(),
        campaign.path("pending").asInt());
    for (var cluster : campaign.path("progress")) {
      var waiting = cluster.path("waitingFor").asString("");
      out.printf(
          "  %-24s %-18s steps %d%s%n",
          cluster.path("clusterId").asString(),
          cluster.path("phase").asString(),
          cluster.path("stepsDone").asInt(),
          waiting.isEmpty() ? "" : "  waiting for " + waiting);
    }
  }
}
