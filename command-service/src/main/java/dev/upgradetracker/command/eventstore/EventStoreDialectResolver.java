package dev.upgradetracker.command.eventstore;

import java.io.Serial;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/** Picks {@link ByteaPostgresDialect} on PostgreSQL; every other database keeps its default. */
public class EventStoreDialectResolver implements DialectResolver {

  @Serial private static final long serialVersionUID = 1L;

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaPostgresDialect(info) : null;
  }
}
