package dev.upgradetracker.query.web;

/** A view request whose parameters make no sense: 400, naming the parameter. */
public class BadQuery extends RuntimeException {

  public BadQuery(String message) {
    super(message);
  }
}
