package dev.upgradetracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class H2EventStoreIT extends HostLedgerContract {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("ut-h2-");
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("events"));
    OnSharedBroker.register(registry, "h2-store");
    limits(registry);
  }

  @Override
  List<String> migrations() {
    return List.of("1", "2", "3", "4");
  }

  @Test
  void keepsEveryStoredByteInItsRowNotAsALargeObject() {
    var largeObjects =
        JdbcClient.create(dataSource)
            .sql(
                "select table_name || '.' || column_name from information_schema.columns"
                    + " where table_schema = 'PUBLIC' and data_type = 'BINARY LARGE OBJECT'")
            .query(String.class)
            .list();

    assertThat(largeObjects).isEmpty();
  }
}
