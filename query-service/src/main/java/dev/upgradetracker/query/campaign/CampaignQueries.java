package dev.upgradetracker.query.campaign;

import dev.upgradetracker.query.campaign.CampaignProgress.Status;
import dev.upgradetracker.query.streams.InstanceRouter;
import dev.upgradetracker.query.streams.ViewsRunner;
import dev.upgradetracker.query.web.ReadYourWrites;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign progress over HTTP, from whichever instance holds it. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignQueries {

  private final ViewsRunner views;
  private final InstanceRouter router;
  private final ReadYourWrites readYourWrites;
  private final CampaignWaits waits;

  CampaignQueries(
      ViewsRunner views,
      InstanceRouter router,
      ReadYourWrites readYourWrites,
      CampaignWaits waits) {
    this.waits = waits;
    this.views = views;
    this.router = router;
    this.readYourWrites = readYourWrites;
  }

  /** Every campaign, filtered by team and status, newest first. */
  @GetMapping
  Object list(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) Status status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      HttpServletRequest request) {
    return router.<CampaignProgress, CampaignProgress>page(
        request,
        CampaignProgress.STORE,
        view ->
            (team == null || team.equals(view.team()))
                && (status == null || status == view.status()),
        view -> view,
        CampaignProgress[].class,
        Comparator.comparing(
                CampaignProgress::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CampaignProgress::campaignId),
        page,
        size);
  }

  /**
   * The campaign; with {@code position} (from a command's answer), once the view has folded the
   * campaign's events up to it. The ETag is the campaign's version the view shows.
   */
  @GetMapping("/{campaignId}")
  ResponseEntity<?> one(
      @PathVariable String campaignId,
      @RequestParam(required = false) Long position,
      HttpServletRequest request) {
    return router.byKey(
        CampaignProgress.STORE,
        campaignId,
        request,
        () ->
            readYourWrites.answer(
                "campaign",
                CampaignProgress.STORE,
                campaignId,
                position,
                () ->
                    Optional.ofNullable(
                        views.<CampaignProgress>store(CampaignProgress.STORE).get(campaignId)),
                CampaignProgress::lastSequence,
                waits::now));
  }
}
