package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.command.axon.AxonSetup;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Two command services deciding on one aggregate at the same moment both load it as it is, and the
 * second to store loses (a concurrency conflict, retried): under a steady stream of commands from
 * both, one instance kept losing until its retries ran out (63% of commands through, {@code ./bench
 * commands --contended}). So a command first takes its aggregate's lock in PostgreSQL (an advisory
 * lock, held to the end of its transaction), then loads the aggregate: the other instance waits and
 * decides on what this one stored. Only a command sent from outside (a request) takes it; one sent
 * while handling something else joins a transaction that may hold other aggregates' locks, and
 * keeps the optimistic check and its retry. An H2 file store has one process by construction.
 */
@Component
class AggregateWriteLock implements SmartInitializingSingleton {

  private final TransactionLocks locks;
  private final ObjectProvider<CommandBus> commandBus;

  AggregateWriteLock(TransactionLocks locks, ObjectProvider<CommandBus> commandBus) {
    this.locks = locks;
    this.commandBus = commandBus;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (locks.shared()) {
      commandBus.getObject().registerHandlerInterceptor(this::lockFirst);
    }
  }

  // not a bean of its own: Axon's Spring Boot support registers every interceptor bean on the bus
  private Object lockFirst(
      UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
      throws Exception {
    if (unitOfWork.parent().isEmpty()) {
      AxonSetup.aggregateIdOf(unitOfWork.getMessage().getPayload()).ifPresent(locks::lock);
    }
    return interceptorChain.proceed();
  }
}
