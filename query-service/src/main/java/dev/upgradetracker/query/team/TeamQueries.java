package dev.upgradetracker.query.team;

import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.streams.ViewsRunner;
import dev.upgradetracker.query.web.QueryProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Per-team fleet summaries and activity feeds over HTTP, from whichever instance holds them. */
@RestController
@RequestMapping("/api/teams")
class TeamQueries {

  private final ViewsRunner views;
  private final InstanceRouter router;

  TeamQueries(ViewsRunner views, InstanceRouter router) {
    this.views = views;
    this.router = router;
  }

  /** Every team's summary, by team name. */
  @GetMapping
  List<TeamSummary> all(HttpServletRequest request) {
    return router
        .<TeamSummary, TeamSummary>everywhere(
            request, TeamSummary.STORE, summary -> true, summary -> summary, TeamSummary[].class)
        .stream()
        .sorted(Comparator.comparing(TeamSummary::team))
        .toList();
  }

  @GetMapping("/{team}")
  ResponseEntity<?> one(@PathVariable String team, HttpServletRequest request) {
    return router.byKey(
        TeamSummary.STORE,
        team,
        request,
        () -> found(views.<TeamSummary>store(TeamSummary.STORE).get(team), team));
  }

  /** The team's latest events across its clusters, oldest first. */
  @GetMapping("/{team}/activity")
  ResponseEntity<?> activity(@PathVariable String team, HttpServletRequest request) {
    return router.byKey(
        TeamActivity.STORE,
        team,
        request,
        () -> found(views.<TeamActivity>store(TeamActivity.STORE).get(team), team));
  }

  private static ResponseEntity<?> found(Object view, String team) {
    return view == null ? QueryProblems.notFound("team " + team) : ResponseEntity.ok(view);
  }
}
