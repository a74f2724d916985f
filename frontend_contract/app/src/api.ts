// Every request goes to the configured API (config.ts) and nowhere else. Errors become
// ApiError with a kind the screens turn into a sentence in the learner's language.
import { API_BASE } from "./config";
import { language } from "./i18n";
import type { components } from "./api-types";

export type Schemas = components["schemas"];
export type ErrorKind = "offline" | "signed-out" | "time-is-up" | "rate-limited" | "not-found" | "invalid" | "server";

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly status: number,
    readonly detail: string,
    readonly retryAfter = 0,
  ) {
    super(detail || kind);
  }
}

const TOKEN_KEY = "mt-token";
export const session = {
  get token(): string | null { return localStorage.getItem(TOKEN_KEY); },
  set token(value: string | null) {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

export function apiUrl(path: string, withLocale = true): string {
  const url = new URL(path.replace(/^\//, ""), API_BASE);
  if (url.origin !== new URL(API_BASE).origin) throw new Error("refusing a URL outside the API");
  if (withLocale && !url.searchParams.has("locale")) url.searchParams.set("locale", language);
  return url.href;
}

function kindOf(status: number, type: string): ErrorKind {
  if (status === 401) return "signed-out";
  if (status === 429) return "rate-limited";
  if (type.endsWith("time-is-up")) return "time-is-up";
  if (status === 404) return "not-found";
  if (status >= 400 && status < 500) return "invalid";
  return "server";
}

type Options = RequestInit & { auth?: boolean; withLocale?: boolean };

/** `started`: the same request already under way (see prefetch). */
export async function request(path: string, init: Options = {}, started?: Promise<Response>): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Accept", headers.get("Accept") || "application/json");
  if (init.body) headers.set("Content-Type", "application/json");
  if (init.auth && session.token) headers.set("Authorization", `Bearer ${session.token}`);
  let response: Response;
  try {
    response = await (started ?? fetch(apiUrl(path, init.withLocale ?? true), { ...init, headers, credentials: "omit" }));
  } catch {
    throw new ApiError("offline", 0, "");
  }
  if (!response.ok) {
    let problem: { type?: string; detail?: string } = {};
    try { problem = await response.json(); } catch { /* not a problem document */ }
    const retryAfter = Number(response.headers.get("Retry-After")) || 0;
    if (response.status === 401 && init.auth) session.token = null;
    throw new ApiError(kindOf(response.status, problem.type || ""), response.status, problem.detail || "", retryAfter);
  }
  return response;
}

// A public read started early (by the page itself, see boot.ts, or before the interface texts
// have loaded, see main.ts), handed to the first screen that asks for it: on a slow network
// that saves a whole round trip.
const early = new Map<string, Promise<unknown>>();

export function prefetch(path: string): void {
  const url = apiUrl(path);
  const started = window.mtEarly?.url === url ? window.mtEarly.response : undefined;
  window.mtEarly = undefined;
  const response = request(path, {}, started).then((r) => r.json());
  response.catch(() => undefined); // the screen that takes it reports the error
  early.set(url, response);
}

export async function getJson<T>(path: string, init: Options = {}): Promise<T> {
  const url = apiUrl(path, init.withLocale ?? true);
  const started = early.get(url);
  if (started && !init.method && !init.auth) {
    early.delete(url);
    return started as Promise<T>;
  }
  return (await request(path, init)).json() as Promise<T>;
}

export function send<T>(path: string, method: string, body?: unknown): Promise<T> {
  return getJson<T>(path, { method, auth: true, body: body === undefined ? undefined : JSON.stringify(body) });
}
