package dev.upgradetracker.cli.context;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.Output;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "config",
    description =
        "Named contexts, as kubectl has them: the services' URLs and a token under a name, one of"
            + " them in use. A command's --command-url, --query-url and --token (or UPGRADE_*"
            + " variables) win over the context's; --context NAME (or UPGRADE_CONTEXT) picks"
            + " another for one call.")
public final class ConfigCommand {

  @Command(
      name = "set-context",
      description = "Add a context, or change what is given of an existing one.")
  int setContext(
      @Mixin ContextFile file,
      @Mixin Output output,
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--command-url", description = "the command service") String commandUrl,
      @Option(names = "--query-url", description = "the query service") String queryUrl,
      @Option(names = "--token", description = "the API token or JWT used there") String token,
      @Option(names = "--use", description = "and use it from now on") boolean use) {
    return change(
        file,
        output,
        contexts -> {
          var changed = contexts.with(name, new Context(commandUrl, queryUrl, token));
          return use ? changed.using(name) : changed;
        });
  }

  @Command(name = "use-context", description = "Use this context from now on.")
  int useContext(
      @Mixin ContextFile file, @Mixin Output output, @Parameters(paramLabel = "NAME") String name) {
    return change(file, output, contexts -> contexts.using(name));
  }

  @Command(name = "delete-context", description = "Forget a context (and its token).")
  int deleteContext(
      @Mixin ContextFile file, @Mixin Output output, @Parameters(paramLabel = "NAME") String name) {
    return change(file, output, contexts -> contexts.without(name));
  }

  @Command(
      name = "get-contexts",
      description = "The contexts, the one in use marked *; tokens are never shown.")
  int getContexts(@Mixin ContextFile file, @Mixin Output output) {
    show(output, file.read());
    return 0;
  }

  private static int change(ContextFile file, Output output, UnaryOperator<Contexts> change) {
    var changed = change.apply(file.read());
    file.write(changed);
    show(output, changed);
    return 0;
  }

  private static void show(Output output, Contexts contexts) {
    output.print(
        listing(contexts),
        out -> {
          out.printf("  %-16s %-32s %-32s %s%n", "NAME", "COMMAND URL", "QUERY URL", "TOKEN");
          contexts
              .byName()
              .forEach(
                  (name, context) ->
                      out.printf(
                          "%s %-16s %-32s %-32s %s%n",
                          name.equals(contexts.current()) ? "*" : " ",
                          name,
                          orDash(context.commandUrl()),
                          orDash(context.queryUrl()),
                          context.token() == null ? "-" : "set"));
        });
  }

  /** What a script reads: names, URLs, whether a token is set — never the token. */
  private static JsonNode listing(Contexts contexts) {
    var listing = Api.JSON.createObjectNode();
    listing.put("current", contexts.current());
    var all = listing.putArray("contexts");
    contexts
        .byName()
        .forEach(
            (name, context) ->
                all.addObject()
                    .put("name", name)
                    .put("commandUrl", context.commandUrl())
                    .put("queryUrl", context.queryUrl())
                    .put("token", context.token() != null));
    return listing;
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
