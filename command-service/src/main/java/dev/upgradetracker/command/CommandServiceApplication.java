package dev.upgradetracker.command;

import dev.upgradetracker.web.ServiceFoundation;
import dev.upgradetracker.web.kafka.KafkaSettingsSetup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ServiceFoundation.class, KafkaSettingsSetup.class})
public class CommandServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
