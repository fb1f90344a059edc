package dev.upgradetracker.query.views;

import dev.upgradetracker.query.streams.ViewsTopologyFactory;
import dev.upgradetracker.query.web.ViewAdvances;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that knows every view: the live topology the runner runs. */
@Configuration(proxyBeanMethods = false)
class ViewsComposition {

  @Bean
  ViewAdvances viewAdvances() {
    return new ViewAdvances();
  }

  @Bean
  ViewsTopologyFactory liveViews(ViewAdvances advances) {
    return topics -> ViewsTopology.build(ViewsTopology.Run.LIVE, topics, advances);
  }
}
