// What went wrong, said in the learner's language (never a blank screen).
import { ApiError } from "./api";
import { h } from "./dom";
import { n, t } from "./i18n";

export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t("Something went wrong. Reload the page and try again.");
  switch (error.kind) {
    case "offline": return t("The server cannot be reached. Check your connection and try again.");
    case "signed-out": return t("You are signed out: your session has expired. Sign in again with your recovery code.");
    case "time-is-up": return t("Time is up: your answers were sent too late and do not count. Start the evaluation again.");
    case "rate-limited": return error.retryAfter
      ? n("Too many tries. Wait %(count)s second and try again.", "Too many tries. Wait %(count)s seconds and try again.", error.retryAfter)
      : t("Too many tries. Wait a little and try again.");
    case "not-found": return t("This page does not exist or is no longer published.");
    case "invalid": return error.detail || t("Something went wrong. Reload the page and try again.");
    default: return t("Something went wrong on the server. Try again later.");
  }
}

export function errorBox(error: unknown): HTMLElement {
  const actions = error instanceof ApiError && error.kind === "signed-out" ? h("a", { class: "button", href: "#/me" }, t("Sign in")) : null;
  return h("div", { class: "error", role: "alert" }, h("p", {}, errorMessage(error)), actions);
}
