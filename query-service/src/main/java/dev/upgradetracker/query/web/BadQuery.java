package dev.upgradetracker.query.web;

import java.io.Serial;

/** A view request whose parameters make no sense: 400, naming the parameter. */
public class BadQuery extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  public BadQuery(String message) {
    super(message);
  }
}
