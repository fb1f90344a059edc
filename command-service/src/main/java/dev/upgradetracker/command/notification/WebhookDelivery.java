package dev.upgradetracker.command.notification;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.upgradetracker.command.notification.model.WebhookSignature;
import dev.upgradetracker.command.notification.model.WebhookTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends each delivery as a db-scheduler task: any command service may take it, one at a time, and a
 * service that dies mid-send leaves it to another (at least once). A failed attempt is recorded and
 * the task rescheduled by the retry schedule; a receiver drops repeats by the notification's id.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDelivery {

  static final TaskDescriptor<Void> TASK = TaskDescriptor.of("webhook-delivery");

  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final int ERROR_LENGTH = 500;

  private final Webhooks webhooks;
  private final WebhookSettings settings;
  private final HttpClient http;
  private final Clock clock = Clock.systemUTC();

  WebhookDelivery(Webhooks webhooks, WebhookSettings settings) {
    this.webhooks = webhooks;
    this.settings = settings;
    // a receiver's redirect is not followed: it would send the signed payload elsewhere
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Bean
  CustomTask<Void> webhookDeliveryTask() {
    return Tasks.custom(TASK).execute(this::attempt);
  }

  private CompletionHandler<Void> attempt(TaskInstance<Void> instance, ExecutionContext context) {
    var work = webhooks.work(instance.getId()).orElse(null);
    if (work == null || !Delivery.PENDING.equals(work.status())) {
      return new CompletionHandler.OnCompleteRemove<>();
    }
    var now = clock.instant();
    int attempts = work.attempts() + 1;
    var refusal = WebhookTarget.problem(work.url(), settings.allowedHosts());
    Integer status = null;
    String error;
    if (refusal.isPresent()) {
      error = "not sent: the URL " + refusal.get();
    } else {
      try {
        var response = send(work, now);
        status = response.statusCode();
        error = status / 100 == 2 ? null : "answered " + status + ": " + excerpt(response.body());
      } catch (IOException e) {
        error = "not reached: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      }
    }
    if (error == null) {
      webhooks.recordAttempt(
          work.deliveryId(), attempts, Delivery.DELIVERED, status, null, now, null);
      return new CompletionHandler.OnCompleteRemove<>();
    }
    var next = settings.retries().next(attempts, work.createdAt(), now);
    webhooks.recordAttempt(
        work.deliveryId(),
        attempts,
        next.isPresent() ? Delivery.PENDING : Delivery.GAVE_UP,
        status,
        excerpt(error),
        now,
        next.orElse(null));
    log.warn(
        "webhook delivery {} of team {}, attempt {}: {}; {}",
        work.deliveryId(),
        work.team(),
        attempts,
        error,
        next.map(at -> "tried again at " + at).orElse("given up"));
    return next.<CompletionHandler<Void>>map(
            at -> (complete, operations) -> operations.reschedule(complete, at))
        .orElseGet(CompletionHandler.OnCompleteRemove::new);
  }

  private HttpResponse<String> send(Webhooks.Work work, Instant now)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(work.url()))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "upgrade-tracker-webhooks")
            .header("Upgrade-Tracker-Delivery", work.deliveryId())
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(work.secret(), now.getEpochSecond(), work.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(work.payload()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
  }
}
