package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.web.Page;
import dev.upgradetracker.query.web.QueryProblems;
import dev.upgradetracker.query.web.ViewsNotReady;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Lets any instance answer for any key: a keyed view held by another instance is fetched from it
 * (Kafka Streams' metadata names the owner), and a fleet-wide list gathers every instance's part. A
 * forwarded request carries {@link #FORWARDED} and is answered from local stores only, so requests
 * never travel in circles.
 */
@Component
public class InstanceRouter {

  public static final String FORWARDED = "X-Views-Forwarded";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ViewsRunner views;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public InstanceRouter(ViewsRunner views) {
    this.views = views;
  }

  public static boolean forwarded(HttpServletRequest request) {
    return request.getHeader(FORWARDED) != null;
  }

  /** The local answer, or the owner instance's answer to the same request. */
  public ResponseEntity<?> byKey(
      String store, String key, HttpServletRequest request, Supplier<ResponseEntity<?>> local) {
    if (forwarded(request)) {
      return local.get();
    }
    var owner = views.remoteOwner(store, key);
    if (owner.isEmpty()) {
      return local.get();
    }
    try {
      var response = send(owner.get(), request);
      var answer = ResponseEntity.status(response.statusCode());
      response
          .headers()
          .firstValue(HttpHeaders.CONTENT_TYPE)
          .ifPresent(type -> answer.contentType(MediaType.parseMediaType(type)));
      for (var header : List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG)) {
        response.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
      }
      return answer.body(response.body());
    } catch (IOException e) {
      return unreachable(owner.get());
    }
  }

  /**
   * A fleet-wide list: the views of {@code store} that match, as items, from this instance and
   * every other, sorted and cut into a page. A forwarded request gets this instance's matches,
   * whole.
   */
  public <V, T> Object page(
      HttpServletRequest request,
      String store,
      Predicate<V> matches,
      Function<V, T> item,
      Class<T[]> itemArray,
      Comparator<T> order,
      int page,
      int size) {
    var all = everywhere(request, store, matches, item, itemArray);
    return forwarded(request) ? all : Page.of(all, order, page, size);
  }

  /**
   * The views of {@code store} that match, as items, from this instance and every other (from this
   * one only when the request was forwarded).
   */
  public <V, T> List<T> everywhere(
      HttpServletRequest request,
      String store,
      Predicate<V> matches,
      Function<V, T> item,
      Class<T[]> itemArray) {
    return gather(
        request,
        () -> {
          var local = new ArrayList<T>();
          try (var iterator = views.<V>store(store).all()) {
            iterator.forEachRemaining(
                entry -> {
                  if (matches.test(entry.value)) {
                    local.add(item.apply(entry.value));
                  }
                });
          }
          return local;
        },
        itemArray);
  }

  /**
   * This instance's items and, unless the request was forwarded, every other instance's answer to
   * the same request.
   */
  public <T> List<T> gather(
      HttpServletRequest request, Supplier<List<T>> localItems, Class<T[]> itemArray) {
    var all = new ArrayList<T>(localItems.get());
    if (forwarded(request)) {
      return all;
    }
    for (var instance : views.otherInstances()) {
      try {
        var response = send(instance, request);
        if (response.statusCode() != 200) {
          throw new ViewsNotReady("instance " + instance + " answered " + response.statusCode());
        }
        all.addAll(Arrays.asList(Json.MAPPER.readValue(response.body(), itemArray)));
      } catch (IOException e) {
        throw new ViewsNotReady("instance " + instance + " is unreachable: " + e.getMessage());
      }
    }
    return all;
  }

  /**
   * The JSON of {@code key}'s view in {@code store}, from this instance or the owner's {@code
   * path}; empty when no such view (or the owner cannot answer now).
   */
  public Optional<String> current(String store, String key, String path, String authorization) {
    var owner = views.remoteOwner(store, key);
    if (owner.isEmpty()) {
      return Optional.ofNullable(views.store(store).get(key)).map(Json.MAPPER::writeValueAsString);
    }
    try {
      var response = send(owner.get(), path, authorization);
      return response.statusCode() == 200
          ? Optional.of(new String(response.body(), StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private HttpResponse<byte[]> send(HostInfo instance, HttpServletRequest request)
      throws IOException {
    var query = request.getQueryString();
    return send(
        instance,
        request.getRequestURI() + (query == null ? "" : "?" + query),
        request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  private HttpResponse<byte[]> send(HostInfo instance, String pathAndQuery, String authorization)
      throws IOException {
    var uri = URI.create("http://" + instance.host() + ":" + instance.port() + pathAndQuery);
    var forward = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(FORWARDED, "1").GET();
    if (authorization != null) {
      forward.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    try {
      return http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static ResponseEntity<?> unreachable(HostInfo owner) {
    return QueryProblems.retryShortly(
        "the instance holding this view ("
            + owner.host()
            + ":"
            + owner.port()
            + ") is unreachable; retry shortly");
  }
}
