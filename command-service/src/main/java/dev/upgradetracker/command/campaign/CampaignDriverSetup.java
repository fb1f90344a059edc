package dev.upgradetracker.command.campaign;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignDriverSetup {

  /**
   * Axon's default logs a failing event handler and moves on; the campaign driver must not skip an
   * event (the step would never start), so its failures stop the batch, which is retried.
   */
  @Bean
  ConfigurerModule campaignDriverRetriesFailedEvents() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                CampaignDriver.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
  }
}
