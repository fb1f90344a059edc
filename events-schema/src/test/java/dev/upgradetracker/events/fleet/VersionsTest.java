package dev.upgradetracker.events.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {

  @Test
  void integrityVm4IsMajorFourOrMoreWhateverTheLetter() {
    assertThat(Versions.isIntegrityVm4("B.04.00")).isTrue();
    assertThat(Versions.isIntegrityVm4("C.05.10")).isTrue();
    assertThat(Versions.isIntegrityVm4("A.03.50")).isFalse();
    assertThat(Versions.isIntegrityVm4(null)).isFalse();
  }

  @Test
  void versionsCompareByTheirNumbersNotTheirLetters() {
    assertThat(Versions.compare("A.11.18", "A.11.19")).isNegative();
    assertThat(Versions.compare("A.11.20", "A.11.19")).isPositive();
    assertThat(Versions.compare("B.11.31", "A.11.31")).isZero();
    assertThat(Versions.compare("A.11.18.01", "A.11.18")).isPositive();
  }
}
