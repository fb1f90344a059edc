package dev.upgradetracker.command.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationSetup {

  /**
   * A delivery that could not be recorded stops the batch, which is retried: none is skipped. The
   * processor starts at the head of the store the first time, so an installation that gains it does
   * not walk its whole history (webhooks made since could take none of it anyway).
   */
  @Bean
  ConfigurerModule notificationsFromTheHeadWithoutSkipping() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                NotificationRecorder.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance())
            .registerPooledStreamingEventProcessorConfiguration(
                NotificationRecorder.PROCESSING_GROUP,
                (config, builder) ->
                    builder.initialToken(StreamableMessageSource::createHeadToken));
  }
}
