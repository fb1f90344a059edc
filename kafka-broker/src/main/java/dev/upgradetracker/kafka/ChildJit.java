package dev.upgradetracker.kafka;

import java.util.List;

/**
 * {@code -Dut.service.jit=quick}: the processes our tests start (services, Kafka nodes) compiled by
 * C1 alone. They live a minute or two, too short for C2's optimized code to pay back the compiling,
 * which on two cores takes its CPU from what is under test. Unset, as {@code ./run} and {@code
 * ./bench} leave it: the full tiered JIT.
 */
public final class ChildJit {

  public static final String PROPERTY = "ut.service.jit";

  private static final String QUICK = "quick";

  private ChildJit() {}

  /** The JVM options of the compilers {@link #PROPERTY} asks for: none unless quick. */
  public static List<String> options() {
    return QUICK.equals(System.getProperty(PROPERTY))
        ? List.of("-XX:TieredStopAtLevel=1")
        : List.of();
  }
}
