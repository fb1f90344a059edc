package dev.upgradetracker.command.campaign;

import dev.upgradetracker.command.axon.CommandMessages;
import dev.upgradetracker.command.axon.TraceKeys;
import dev.upgradetracker.command.campaign.model.CampaignCommandDispatch;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.events.campaign.CampaignCommand;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * How the campaign driver's handlers send their commands: on behalf of the campaign's starter,
 * correlated with the campaign, each on a thread and in a transaction of its own (a refused command
 * must not mark the processor's transaction for rollback), waiting for the answer.
 */
@Component
public class DriverCommands {

  /** The campaign driver's processor: its handlers share one token, its retries and its order. */
  public static final String PROCESSING_GROUP = "campaign-driver";

  private static final Logger log = LoggerFactory.getLogger(DriverCommands.class);

  private final CommandGateway commands;
  private final CampaignStarters starters;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

  DriverCommands(CommandGateway commands, CampaignStarters starters) {
    this.commands = commands;
    this.starters = starters;
  }

  /** A refusal by the campaign is logged: the report it answers is stale. */
  @SuppressWarnings("try") // its resources are log-context entries, removed when closed
  public void toCampaign(CampaignCommand command) {
    try (var campaign = MDC.putCloseable("campaignId", command.campaignId())) {
      send(new CampaignCommandDispatch(command), command.campaignId());
    } catch (CommandRefused refusal) {
      log.warn("{} refused: {}", command.getClass().getSimpleName(), refusal.getMessage());
    }
  }

  /** Sends {@code dispatch} for campaign {@code campaignId}; a refusal is thrown to the caller. */
  public void send(Object dispatch, String campaignId) {
    var start = starters.of(campaignId);
    var metadata = new HashMap<String, Object>();
    metadata.put(TraceKeys.CORRELATION_ID, campaignId);
    metadata.put(TraceKeys.USER, PROCESSING_GROUP);
    metadata.put(TraceKeys.ON_BEHALF_OF, start.user());
    // a campaign's steps, however long it runs, stay in the trace it was started in
    start.trace().ifPresent(trace -> metadata.put(TraceKeys.TRACE_PARENT, trace));
    sendAndWait(CommandMessages.of(dispatch, metadata), campaignId);
  }

  /**
   * Sends {@code dispatch} as the driver itself, for no one's request (a slot given back once its
   * node is upgraded), correlated with {@code correlationId}.
   */
  public void sendAsDriver(Object dispatch, String correlationId) {
    sendAndWait(CommandMessages.bySystem(dispatch, PROCESSING_GROUP, correlationId), correlationId);
  }

  private void sendAndWait(CommandMessage<Object> message, String correlationId) {
    try {
      var logContext = MDC.getCopyOfContextMap();
      senders
          .submit(
              () -> {
                if (logContext != null) {
                  MDC.setContextMap(logContext);
                }
                return commands.sendAndWait(message);
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending for " + correlationId, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
