package dev.upgradetracker.kafka;

import java.util.Arrays;
import java.util.List;

/**
 * A benchmark's command line: numbers in order ({@code ./bench views 6000 8}), options by name
 * ({@code --rate=200}) and flags ({@code --live}) anywhere among them.
 */
public final class BenchmarkArgs {

  private final List<String> args;
  private final List<String> positional;

  public BenchmarkArgs(String[] args) {
    this.args = List.of(args);
    this.positional = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
  }

  /** The {@code index}-th argument that is no option, or {@code otherwise} when there are fewer. */
  public int number(int index, int otherwise) {
    return positional.size() > index ? Integer.parseInt(positional.get(index)) : otherwise;
  }

  /** The value of {@code name=value}, or null when it is not given. */
  public String text(String name) {
    return args.stream()
        .filter(arg -> arg.startsWith(name + "="))
        .map(arg -> arg.substring(name.length() + 1))
        .findFirst()
        .orElse(null);
  }

  public int option(String name, int otherwise) {
    var text = text(name);
    return text == null ? otherwise : Integer.parseInt(text);
  }

  public boolean flag(String name) {
    return args.contains(name);
  }
}
