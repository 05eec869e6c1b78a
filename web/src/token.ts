/**
 * The API token: asked for when the API answers 401, kept for this browser session only
 * (sessionStorage: never localStorage or a cookie), sent as `Authorization: Bearer`.
 */

import { byId } from "./dom";

const KEY = "healthhub.token";

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

let pending: Promise<string> | null = null;

// Without a token nothing can be shown: Escape does not close the dialog.
document.addEventListener("DOMContentLoaded", () => {
  byId("token-dialog").addEventListener("cancel", (event) => event.preventDefault());
});

/**
 * Shows the token dialog and resolves with the token entered. Requests refused at the
 * same time share one dialog.
 *
 * @param rejected whether a token was sent and refused (the dialog says so).
 */
export function askForToken(rejected: boolean): Promise<string> {
  pending ??= new Promise<string>((resolve) => {
    const dialog = byId<HTMLDialogElement>("token-dialog");
    const form = byId<HTMLFormElement>("token-form");
    const input = byId<HTMLInputElement>("token-input");
    byId("token-rejected").hidden = !rejected;
    input.value = "";
    const submit = (event: SubmitEvent): void => {
      event.preventDefault();
      const token = input.value.trim();
      if (token === "") return;
      form.removeEventListener("submit", submit);
      sessionStorage.setItem(KEY, token);
      dialog.close();
      pending = null;
      resolve(token);
    };
    form.addEventListener("submit", submit);
    dialog.showModal();
    input.focus();
  });
  return pending;
}

/**
 * Forgets the token (and the figures kept for offline use) and reloads: the page then
 * asks for a token again.
 */
export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
