package dev.upgradetracker.command.eventstore;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
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
}
