package dev.upgradetracker.query.replay;

import dev.upgradetracker.query.web.QueryProblems;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/replays} starts rebuilding every view from offset 0 beside the live ones and
 * comparing them (202, with where to find the report); {@code GET /api/replays/{id}} answers the
 * report, {@code RUNNING} until it is done.
 */
@RestController
@RequestMapping("/api/replays")
class ReplayController {

  private final Replays replays;

  ReplayController(Replays replays) {
    this.replays = replays;
  }

  @PostMapping
  ResponseEntity<ReplayReport> start(
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    var report = replays.start(authorization);
    return ResponseEntity.accepted()
        .location(URI.create("/api/replays/" + report.replayId()))
        .body(report);
  }

  @GetMapping("/{replayId}")
  ResponseEntity<?> report(@PathVariable String replayId) {
    return replays
        .report(replayId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> QueryProblems.notFound("replay " + replayId));
  }
}
