package io.pollcast.web;

import io.pollcast.text.Messages;

/**
 * What every dashboard page's frame needs: its texts, title and whether the visitor may act.
 *
 * @param t the dashboard's texts in the configured language
 * @param title the page title
 * @param host whether the visitor's link is a host's (forms to start and close polls)
 * @param csrf the token the page's forms carry; empty on pages without forms
 * @param signedIn whether the page shows the navigation (not on the refusal pages)
 */
public record PageModel(Messages t, String title, boolean host, String csrf, boolean signedIn) {

  /** The language's code, for {@code <html lang>}. */
  public String language() {
    return t.language().locale().getLanguage();
  }
}
