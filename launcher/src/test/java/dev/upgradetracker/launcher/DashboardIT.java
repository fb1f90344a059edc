package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.Guest;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web dashboard in headless Chromium against the whole system: a cluster page follows a
 * campaign's steps live (Server-Sent Events, no reload), and the REST views and metrics agree.
 */
@ExtendWith(SharedStack.class)
class DashboardIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  static final Path SCREENSHOT = Path.of("target", "dashboard-cluster.png");
  static final Path FLEET_SCREENSHOT = Path.of("target", "dashboard-fleet.png");
  static final Path ACTIONS_SCREENSHOT = Path.of("target", "dashboard-campaign-lead.png");
  static final Path APPROVER_SCREENSHOT = Path.of("target", "dashboard-campaign-approver.png");

  @TempDir Path profile;

  private String team;

  @Test
  void aClusterPageFollowsTheCampaignsStepsLiveAndTheViewsAgree(SharedStack.Tenant tenant)
      throws Exception {
    team = tenant.newTeam();
    tenant.add(Fleets.cluster("dash").team(team).guestsPerHost(1, 1).build());
    var stack = tenant.stack();
    var browser = Browser.start(profile);
    try {
      browser.get(stack.queryUrl() + "/?token=" + stack.tokenOf(team) + "#/clusters/dash");
      await(browser, "the cluster page", b -> text(b, "h1").startsWith("Cluster dash"));
      assertThat(text(browser, "#current-step")).contains("No step in progress");
      browser.executeScript("window.loadedOnce = 'yes'");

      new CampaignClient(stack, team)
          .start("{\"campaignId\": \"web\", \"clusterIds\": [\"dash\"], \"approvalGates\": true}");

      await(browser, "a step in progress", b -> text(b, "#current-step").contains("RUNNING"));
      await(
          browser,
          "the node upgrade waiting for approval",
          b -> text(b, "#current-step").contains("AWAITING APPROVAL"));
      assertThat(browser.executeScript("return window.loadedOnce"))
          .as("the page changed without a reload")
          .isEqualTo("yes");
      assertThat(text(browser, "#activity")).contains("CampaignStepFinished");
      assertThat(Integer.parseInt(text(browser, "#position"))).isGreaterThan(5);
      save(browser, SCREENSHOT);

      // the campaign learns of the wait from the cluster's event, a moment later
      var campaign =
          awaitView(
              stack,
              "/api/campaigns/web",
              c -> c.at("/clusters/0/phase").asString("").equals("AWAITING_APPROVAL"));
      assertThat(campaign.at("/clusters/0/waiting/kind").asString()).isEqualTo("APPROVAL");
      assertThat(campaign.at("/clusters/0/waiting/host").asString()).startsWith("dash-");
      assertThat(campaign.at("/clusters/0/waiting/by").asString())
          .startsWith("an approver of team " + team + " other than ");
      int done = campaign.at("/counts/stepsCompleted").asInt();
      int planned = campaign.at("/counts/stepsPlanned").asInt();
      assertThat(done).isPositive();
      assertThat(planned).as("its one cluster's plan, steps left counted").isGreaterThan(done);
      assertThat(campaign.at("/counts/percent").asDouble())
          .as("a one-cluster campaign shows its steps' progress before the cluster ends")
          .isEqualTo(Math.round(done * 1000.0 / planned) / 10.0);
      var summary = JSON.readTree(get(stack, "/api/teams/" + team));
      assertThat(summary.get("hosts").asInt()).isEqualTo(2);
      assertThat(summary.at("/clustersByPhase/AWAITING_APPROVAL").asInt()).isEqualTo(1);
      var list =
          JSON.readTree(get(stack, "/api/clusters?team=" + team + "&phase=AWAITING_APPROVAL"));
      assertThat(list.get("total").asInt()).isEqualTo(1);
      assertThat(list.at("/items/0/clusterId").asString()).isEqualTo("dash");

      browser.get(stack.queryUrl() + "/#/campaigns/web");
      await(
          browser,
          "the campaign page naming the wait",
          b -> text(b, "[data-wait=APPROVAL]").contains("APPROVAL"));

      browser.get(stack.queryUrl() + "/#/");
      await(
          browser, "the fleet overview", b -> text(b, "[data-team='" + team + "']").contains(team));
      assertThat(text(browser, "[data-campaign='web']"))
          .contains("RUNNING")
          .contains(done + "/" + planned + " steps");
      save(browser, FLEET_SCREENSHOT);
    } finally {
      browser.quit();
    }
    // the gauges are sampled from the team summaries every few seconds
    var awaiting = "upgrade_clusters{phase=\"AWAITING_APPROVAL\",team=\"" + team + "\"} 1.0";
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    var metrics =
        Http.get(stack.queryUrl() + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN).body();
    while (!metrics.contains(awaiting) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      metrics =
          Http.get(stack.queryUrl() + "/actuator/prometheus", DemoIdentities.METRICS_TOKEN).body();
    }
    assertThat(metrics)
        .contains(awaiting)
        .contains("upgrade_hosts{ivm=\"3\",team=\"" + team + "\"} 2.0")
        .contains("upgrade_actions_running{team=\"" + team + "\"} 0.0")
        .contains("upgrade_views_lag_events");
  }

  @Test
  void aClusterOfManyGuestsIsShownAHundredAtATimeWithItsWarningsAndFailoverNodes(
      SharedStack.Tenant tenant) throws Exception {
    team = tenant.newTeam();
    var stack = tenant.stack();
    var wide =
        Fleets.cluster("wide-" + team)
            .team(team)
            .fleetUniqueHosts()
            .guestsPerHost(130, 120)
            .build();
    var guests = new ArrayList<>(wide.guests());
    var first = guests.getFirst();
    var hostNames = wide.hosts().stream().map(VmHost::name).toList();
    guests.set(0, new Guest(first.name(), first.host(), "B.04.00", hostNames));
    var fleet =
        new Fleet(
            List.of(
                new ClusterSpec(
                    wide.id(),
                    wide.team(),
                    wide.topology(),
                    wide.clusterLock(),
                    wide.hosts(),
                    guests,
                    wide.packages())));
    stack.assignHosts(fleet);
    stack.register(fleet);
    var id = "wide-" + team;
    var path = "/api/clusters/" + id + "?guestSize=100";
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (Http.get(stack.queryUrl() + path, stack.tokenOf(team)).statusCode() == 404) {
      assertThat(System.nanoTime()).as("%s in the views", id).isLessThan(deadline);
      Thread.sleep(100);
    }
    var firstPage = JSON.readTree(get(stack, path));
    assertThat(firstPage.get("guests")).hasSize(100);
    assertThat(firstPage.at("/guestsPage/total").asInt()).isEqualTo(250);
    assertThat(firstPage.at("/warnings/0/kind").asString()).isEqualTo("KIT_BEFORE_LAST_HOST");
    assertThat(firstPage.at("/guests/0/failoverNodes/1").asString()).isEqualTo(hostNames.get(1));
    var browser = Browser.start(profile);
    try {
      browser.get(stack.queryUrl() + "/?token=" + stack.tokenOf(team) + "#/clusters/" + id);
      await(
          browser,
          "the first hundred guests",
          b -> text(b, "#guest-pager").contains("1–100 of 250"));
      assertThat(rows(browser, "[data-guest]")).isEqualTo(100);
      assertThat(text(browser, "[data-warning=KIT_BEFORE_LAST_HOST]")).contains("R4");
      assertThat(text(browser, "[data-guest]")).contains(String.join(" → ", hostNames));

      browser.executeScript("document.getElementById('g-next').click()");
      await(browser, "the next hundred", b -> text(b, "#guest-pager").contains("101–200 of 250"));
      browser.executeScript("document.getElementById('g-next').click()");
      await(browser, "the last fifty", b -> text(b, "#guest-pager").contains("201–250 of 250"));
      assertThat(rows(browser, "[data-guest]")).isEqualTo(50);
    } finally {
      browser.quit();
    }
  }

  @Test
  void aLeadDrivesAGatedCampaignFromThePageAloneAndAnotherApproverApproves(
      SharedStack.Tenant tenant) throws Exception {
    team = tenant.newTeam();
    var clusterId = "drive-" + team;
    var campaignId = "paged-" + team;
    tenant.add(Fleets.cluster(clusterId).team(team).guestsPerHost(1, 1).build());
    var stack = tenant.stack();
    var browser = Browser.start(profile);
    try {
      browser.get(stack.queryUrl() + "/?token=" + stack.leadTokenOf(team) + "#/");
      await(browser, "the start panel", b -> text(b, "#start").contains("Start a campaign"));
      assertThat(text(browser, "#whoami")).contains(team + "-lead").contains("operator, approver");
      var box = "[data-select='" + clusterId + "']";
      await(browser, "the cluster to select", b -> rows(b, box) == 1);
      run(browser, "document.querySelector(arguments[0]).click()", box);
      run(browser, "document.getElementById('start').open = true");
      type(browser, "s-id", campaignId);
      run(browser, "document.getElementById('s-gates').checked = true");
      click(browser, "#s-preview");
      await(
          browser,
          "the plan's preview",
          b -> text(b, "[data-plan='" + clusterId + "']").contains(" steps"));

      click(browser, "#s-start");
      assertThat(text(browser, "#confirm-text")).contains(campaignId).contains(clusterId);
      confirm(browser);
      await(
          browser, "the campaign's page", b -> text(b, "h1").startsWith("Campaign " + campaignId));
      save(browser, ACTIONS_SCREENSHOT);

      browser.get(stack.queryUrl() + "/#/");
      await(browser, "the cluster to select again", b -> rows(b, box) == 1);
      run(browser, "document.querySelector(arguments[0]).click()", box);
      run(browser, "document.getElementById('start').open = true");
      type(browser, "s-id", "second-" + team);
      click(browser, "#s-start");
      confirm(browser);
      assertThat(answered(browser)).isEqualTo("409");
      assertThat(attribute(browser, "#notice", "data-rule")).isEqualTo("R9");
      assertThat(text(browser, "#notice")).contains(campaignId);

      browser.get(stack.queryUrl() + "/#/campaigns/" + campaignId);
      var approve = "button[data-action=approve]";
      await(browser, "the approval asked", b -> rows(b, approve) == 1);
      click(browser, approve);
      confirm(browser);
      assertThat(answered(browser)).as("four eyes").isEqualTo("403");
      assertThat(text(browser, "#notice")).contains("refused");

      useToken(browser, stack.approverTokenOf(team));
      await(browser, "the approver's page", b -> text(b, "#whoami").contains(team + "-approver"));
      // the lead's page may still be drawn when the approver's identity shows: wait for the redraw
      await(
          browser,
          "the campaign drawn for the approver: the approval offered, and, as an approver who is no"
              + " operator, none of the campaign's controls",
          b -> rows(b, approve) == 1 && rows(b, "button[data-action=pause]") == 0);
      save(browser, APPROVER_SCREENSHOT);
      var host = attribute(browser, approve, "data-host");
      click(browser, approve);
      confirm(browser);
      assertThat(answered(browser)).isEqualTo("200");
      assertThat(text(browser, "#notice")).contains("accepted");
      var approved =
          awaitView(
              stack,
              "/api/campaigns/" + campaignId,
              c -> !host.equals(c.at("/clusters/0/waiting/host").asString("")));
      assertThat(approved.at("/clusters/0/waiting/kind").asString("")).isNotEqualTo("APPROVAL");

      useToken(browser, stack.leadTokenOf(team));
      await(browser, "the lead's controls", b -> rows(b, "button[data-action=pause]") == 1);
      click(browser, "button[data-action=pause]");
      click(browser, "#confirm-cancel");
      Thread.sleep(500);
      assertThat(text(browser, "h1")).as("a cancelled pause sends nothing").contains("RUNNING");
      click(browser, "button[data-action=pause]");
      confirm(browser);
      await(browser, "the campaign paused", b -> text(b, "h1").contains("PAUSED"));
      click(browser, "button[data-action=resume]");
      confirm(browser);
      await(browser, "the campaign running again", b -> text(b, "h1").contains("RUNNING"));

      click(browser, "button[data-action=abort]");
      confirm(browser);
      assertThat(run(browser, "return document.getElementById('confirm').open"))
          .as("an abort needs its reason")
          .isEqualTo(true);
      type(browser, "confirm-reason", "driven from the page");
      confirm(browser);
      await(browser, "the campaign aborted", b -> text(b, "h1").contains("ABORTED"));
      assertThat(text(browser, "main")).contains("driven from the page");
      assertThat(rows(browser, "#campaign-actions")).as("nothing left to control").isZero();
    } finally {
      browser.quit();
    }
    var history = JSON.readTree(get(stack, "/api/campaigns/" + campaignId + "/history"));
    assertThat(history.toString())
        .contains(team + "-lead")
        .contains(team + "-approver")
        .contains("driven from the page");
  }

  @Test
  void anOperatorRetriesOneFailedStepAndSkipsAnotherFromThePage(SharedStack.Tenant tenant)
      throws Exception {
    team = tenant.newTeam();
    var clusterId = "mend-" + team;
    var campaignId = "mended-" + team;
    var cluster = Fleets.cluster(clusterId).team(team).guestsPerHost(1, 1).build();
    tenant.add(cluster);
    var stack = tenant.stack();
    // each host's backup fails once: the first to fail is retried, the second skipped
    var faults =
        cluster.hosts().stream()
            .map(host -> Fault.fail(host.name(), "/backup-host$", 5).times(1))
            .toList();
    faults.forEach(stack.simulator().faults()::add);
    var browser = Browser.start(profile);
    try {
      new CampaignClient(stack, team)
          .start(
              "{\"campaignId\": \"" + campaignId + "\", \"clusterIds\": [\"" + clusterId + "\"]}");
      browser.get(
          stack.queryUrl() + "/?token=" + stack.tokenOf(team) + "#/campaigns/" + campaignId);
      var retry = "button[data-action=retry]";
      // the cluster's failure and the campaign's stop are two events: the page shows both
      await(
          browser,
          "the first failure offered for a retry, the campaign stopped",
          b -> rows(b, retry) == 1 && text(b, "h1").contains("STOPPED"));
      assertThat(text(browser, "[data-wait=RETRY_OR_SKIP]")).contains("RETRY OR SKIP");
      var first =
          awaitView(
                  stack,
                  "/api/campaigns/" + campaignId,
                  c -> c.at("/clusters/0/waiting/kind").asString("").equals("RETRY_OR_SKIP"))
              .at("/clusters/0/waiting/stepId")
              .asString();
      click(browser, retry);
      confirm(browser);
      assertThat(answered(browser)).isEqualTo("200");

      awaitView(
          stack,
          "/api/campaigns/" + campaignId,
          c ->
              c.at("/clusters/0/waiting/kind").asString("").equals("RETRY_OR_SKIP")
                  && !c.at("/clusters/0/waiting/stepId").asString("").equals(first));
      var skip = "button[data-action=skip]";
      await(
          browser,
          "the second failure offered for a skip",
          b -> rows(b, skip) == 1 && text(b, "[data-wait=RETRY_OR_SKIP]").contains("since"));
      click(browser, skip);
      type(browser, "confirm-reason", "backed up by hand, ticket 4711");
      confirm(browser);
      assertThat(answered(browser)).isEqualTo("200");
      await(
          browser,
          "the campaign going on past both",
          b -> rows(b, "[data-wait=RETRY_OR_SKIP]") == 0 && text(b, "h1").contains("RUNNING"));
    } finally {
      browser.quit();
      faults.forEach(stack.simulator().faults()::remove);
      new CampaignClient(stack, team)
          .post("/api/campaigns/" + campaignId + "/abort", "{\"reason\": \"test over\"}");
    }
    var history = JSON.readTree(get(stack, "/api/campaigns/" + campaignId + "/history"));
    assertThat(history.toString())
        .contains("StepRetried")
        .contains("StepSkipRequested")
        .contains("backed up by hand, ticket 4711");
  }

  /** The status the notice shows once the command sent last is answered. */
  private static String answered(WebDriver browser) throws InterruptedException {
    await(browser, "the command's answer", b -> !attribute(b, "#notice", "data-status").isEmpty());
    return attribute(browser, "#notice", "data-status");
  }

  /** Confirms the dialog's question, forgetting the answer shown before. */
  private static void confirm(WebDriver browser) {
    run(browser, "document.getElementById('notice').dataset.status = ''");
    click(browser, "#confirm-ok");
  }

  private static void useToken(WebDriver browser, String token) {
    type(browser, "token", token);
    run(browser, "document.getElementById('token-form').requestSubmit()");
  }

  private static void type(WebDriver browser, String id, String value) {
    run(browser, "document.getElementById(arguments[0]).value = arguments[1]", id, value);
  }

  private static void click(WebDriver browser, String css) {
    run(browser, "document.querySelector(arguments[0]).click()", css);
  }

  private static String attribute(WebDriver browser, String css, String name) {
    var value =
        run(
            browser,
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : ''",
            css,
            name);
    return value == null ? "" : value.toString();
  }

  private static Object run(WebDriver browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  private static long rows(WebDriver browser, String css) {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript("return document.querySelectorAll(arguments[0]).length", css);
  }

  private static void save(ChromeDriver browser, Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private JsonNode awaitView(Stack stack, String path, Predicate<JsonNode> wanted)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    var view = JSON.readTree(get(stack, path));
    while (!wanted.test(view)) {
      assertThat(System.nanoTime()).as(path + " never showed it: " + view).isLessThan(deadline);
      Thread.sleep(100);
      view = JSON.readTree(get(stack, path));
    }
    return view;
  }

  private String get(Stack stack, String path) throws Exception {
    var response = Http.get(stack.queryUrl() + path, stack.tokenOf(team));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** Read in one script: the page re-renders live, so a found element may be replaced. */
  private static String text(WebDriver browser, String css) {
    var text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
    return text == null ? "" : text.toString();
  }

  private static void await(WebDriver browser, String what, Predicate<WebDriver> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.test(browser)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the page did not show "
                + what
                + " within "
                + PATIENCE
                + "; it shows:\n"
                + text(browser, "main"));
      }
      Thread.sleep(100);
    }
  }
}
