package dev.upgradetracker.command.audit;

import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HashChainSetup {

  /** Whatever engine Axon configured (JPA on H2 or PostgreSQL) stores hash-chained events. */
  @Bean
  static BeanPostProcessor hashChainedEventStorage() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof AbstractEventStorageEngine engine
            ? new HashChainingStorage(engine, engine.getEventSerializer())
            : bean;
      }
    };
  }
}
