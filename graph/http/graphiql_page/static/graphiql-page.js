/*
 * GraphiQL for Health Metrics Hub (docs/api.md, "GraphiQL offline").
 *
 * React, ReactDOM and GraphiQL are loaded before this script, from this server. GraphiQL
 * starts once the API answers: with the token the dashboard keeps for this browser
 * session (sessionStorage, under the dashboard's key), or with one asked for here, so
 * the schema loads at once. GraphiQL's tabs, history and headers live in sessionStorage
 * too: nothing is written to localStorage. No build step: plain script, no inline code.
 */
"use strict";

(() => {
  /** The dashboard's sessionStorage key for the token (web/src/token.ts). */
  const TOKEN_KEY = "healthhub.token";
  const ENDPOINT = "/graphql";
  /** GraphiQL prefixes every key it stores with this. */
  const GRAPHIQL_PREFIX = "graphiql:";
  const PROBE = { query: "{ __typename }" };
  const DEFAULT_QUERY = `# Ctrl-Enter runs it.
# The book icon: the docs.
{
  dataRange {
    firstDate
    lastDate
    daysLogged
  }
}
`;

  const byId = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem(TOKEN_KEY);
  const hasAuthorization = (headers) =>
    Object.keys(headers).some((name) => name.toLowerCase() === "authorization");

  /*
   * GraphiQL's storage: sessionStorage, so tabs and headers last as long as this tab's
   * session. Its "clear storage" removes GraphiQL's own keys, never the token.
   */
  const graphiqlKeys = () =>
    Object.keys(sessionStorage).filter((key) => key.startsWith(GRAPHIQL_PREFIX));
  const storage = {
    getItem: (key) => sessionStorage.getItem(key),
    setItem: (key, value) => sessionStorage.setItem(key, value),
    removeItem: (key) => sessionStorage.removeItem(key),
    key: (index) => graphiqlKeys()[index] ?? null,
    clear: () => graphiqlKeys().forEach((key) => sessionStorage.removeItem(key)),
    get length() {
      return graphiqlKeys().length;
    },
  };

  /** One GraphQL request; the session's token goes with it unless the headers pane sets one. */
  function post(body, headers) {
    const sent = { Accept: "application/json", "Content-Type": "application/json", ...headers };
    const current = token();
    if (current !== null && !hasAuthorization(sent)) sent.Authorization = `Bearer ${current}`;
    return fetch(ENDPOINT, { method: "POST", headers: sent, body: JSON.stringify(body) });
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      return body.errors[0].message;
    } catch {
      return `The server answered ${response.status}.`;
    }
  }

  let pending = null;

  /** Shows the token dialog; resolves once a token is stored. One dialog at a time. */
  function askForToken(message) {
    pending ??= new Promise((resolve) => {
      const dialog = byId("token-dialog");
      const form = byId("token-form");
      const input = byId("token-input");
      const rejected = byId("token-rejected");
      rejected.textContent = message;
      rejected.hidden = message === "";
      input.value = "";
      const submit = (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (value === "") return;
        form.removeEventListener("submit", submit);
        sessionStorage.setItem(TOKEN_KEY, value);
        dialog.close();
        pending = null;
        resolve();
      };
      form.addEventListener("submit", submit);
      dialog.showModal();
      input.focus();
    });
    return pending;
  }

  function showTokenState(needed) {
    const held = token() !== null;
    byId("token-state").textContent = held
      ? "Using this session's token."
      : needed
        ? "No token."
        : "This hub needs no token.";
    byId("token-forget").hidden = !held;
  }

  /** GraphiQL's fetcher. A refused session token starts over: the dialog asks for another. */
  async function fetcher(params, options) {
    const headers = (options && options.headers) || {};
    const response = await post(params, headers);
    if (response.status === 401 && !hasAuthorization(headers)) void start();
    return response.json();
  }

  /** The name a screen reader gives each of GraphiQL's editors (CodeMirror's textareas). */
  function editorName(textarea) {
    if (textarea.closest(".graphiql-query-editor")) return "Query editor";
    if (textarea.closest(".result-window")) return "Result";
    const tool = textarea.closest(".graphiql-editor-tool");
    if (tool === null) return "Editor";
    const editors = [...tool.querySelectorAll(".graphiql-editor")];
    return editors.indexOf(textarea.closest(".graphiql-editor")) === 1
      ? "Headers editor"
      : "Variables editor";
  }

  /*
   * GraphiQL leaves its editors' textareas without a label, and their scrolling areas
   * out of keyboard reach (the arrow keys scroll a focused area): name each textarea,
   * and put each scrolling area in the tab order.
   */
  function labelEditors(root) {
    for (const textarea of root.querySelectorAll(".CodeMirror textarea:not([aria-label])")) {
      textarea.setAttribute("aria-label", editorName(textarea));
    }
    // CodeMirror takes its scrolling areas out of the tab order (tabindex -1).
    for (const scroll of root.querySelectorAll('.CodeMirror-scroll[tabindex="-1"]')) {
      scroll.tabIndex = 0;
    }
  }

  const root = byId("graphiql");
  new MutationObserver(() => labelEditors(root)).observe(root, { childList: true, subtree: true });

  let renders = 0;

  function render() {
    if (typeof GraphiQL === "undefined" || typeof ReactDOM === "undefined") {
      byId("loading").textContent = "GraphiQL's files did not load: reload the page.";
      return;
    }
    renders += 1;
    // A new key mounts GraphiQL afresh, so it fetches the schema with the current token.
    ReactDOM.render(
      React.createElement(GraphiQL, {
        key: renders,
        fetcher,
        storage,
        shouldPersistHeaders: true,
        defaultQuery: DEFAULT_QUERY,
      }),
      root,
    );
  }

  /** Asks the API whether this session's token (or none) is enough, then starts GraphiQL. */
  async function start() {
    let response;
    try {
      response = await post(PROBE, {});
    } catch {
      render(); // GraphiQL reports the failed schema fetch itself.
      return;
    }
    if (response.status === 401 || response.status === 429) {
      const sent = token() !== null;
      const message =
        response.status === 429
          ? await errorMessage(response)
          : sent
            ? "That token was refused: check it and enter it again."
            : "";
      // A refused token is of no use to the dashboard either.
      if (sent && response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      showTokenState(true);
      await askForToken(message);
      await start();
      return;
    }
    showTokenState(false);
    render();
  }

  byId("token-dialog").addEventListener("cancel", (event) => event.preventDefault());
  byId("token-forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    void start();
  });
  void start();
})();
