package dev.upgradetracker.query.campaign;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.executors.ExecutorPresence;
import org.springframework.stereotype.Component;

/** What a campaign's clusters wait for now, beyond what its events say: no executor alive. */
@Component
public class CampaignWaits {

  private final ExecutorPresence executors;

  CampaignWaits(ExecutorPresence executors) {
    this.executors = executors;
  }

  public CampaignProgress now(CampaignProgress view) {
    return executors.noneSince().map(since -> NoExecutor.since(view, since)).orElse(view);
  }

  /** A live change's view, as {@link #now} would answer it; other kinds of view unchanged. */
  public String now(String kind, String json) {
    if (!"campaign".equals(kind) || executors.noneSince().isEmpty()) {
      return json;
    }
    return Json.MAPPER.writeValueAsString(now(Json.MAPPER.readValue(json, CampaignProgress.class)));
  }
}
