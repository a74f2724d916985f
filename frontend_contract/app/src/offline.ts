// Offline: the service worker (sw.ts, Workbox) caches what the app reads; "Download for offline"
// asks it to fetch a module's JSON, images at 640 px and subtitle files now, through the same
// Workbox routes, so that they are there with the network off. Reading progress is kept here,
// and each module opened is queued for the server (learners/me/reading/): the queue is sent at
// once when the learner is signed in and online, else when the connection returns or the app
// starts again.
import type { Workbox } from "workbox-window";
import { ApiError, apiUrl, request, session, type Schemas } from "./api";

// Workbox's window library comes in its own file, after the first screen (main.ts): it is not
// needed to read, and on a slow network each kilobyte before the first text counts.
let workbox: Promise<Workbox | null> = Promise.resolve(null);
const DOWNLOADED_KEY = "mt-downloaded";
const READ_KEY = "mt-read";
const QUEUE_KEY = "mt-reading-queue";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  workbox = import("workbox-window").then(({ Workbox }) => {
    const registered = new Workbox(new URL("sw.js", document.baseURI).href);
    void registered.register();
    return registered;
  }, () => null);
}

function readJson<T>(key: string, fallback: T): T {
  try { return (JSON.parse(localStorage.getItem(key) || "") as T) ?? fallback; } catch { return fallback; }
}

export function downloaded(): Record<string, string> {
  return readJson<Record<string, string>>(DOWNLOADED_KEY, {});
}

export function isDownloaded(id: number, locale: string): boolean {
  return downloaded()[`${id}:${locale}`] !== undefined;
}

/** Every address a module needs offline: its JSON, 640 px images, subtitle tracks, and the
 * interface texts and fonts this screen uses. */
export function offlineUrls(module: Schemas["ModuleDetail"], locale: string): string[] {
  const urls = new Set<string>([apiUrl(`modules/${module.id}/?locale=${locale}`, false)]);
  if (locale !== "en") urls.add(new URL(`i18n/${locale}.js`, document.baseURI).href);
  for (const entry of performance.getEntriesByType("resource")) {
    if (entry.name.endsWith(".woff2")) urls.add(entry.name);
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.renditions) && typeof record.srcset === "string") {
      const renditions = record.renditions as { url: string; width: number }[];
      const chosen = renditions.find((r) => r.width >= 640) || renditions[renditions.length - 1];
      if (chosen) urls.add(chosen.url);
      return;
    }
    if (record.type === "text/vtt" && typeof record.url === "string") urls.add(record.url);
    Object.values(record).forEach(visit);
  };
  visit(module.body);
  return [...urls];
}

export async function downloadModule(module: Schemas["ModuleDetail"], locale: string): Promise<void> {
  const worker = await workbox;
  if (!worker) throw new Error("no service worker");
  const urls = offlineUrls(module, locale);
  const reply = (await worker.messageSW({ type: "DOWNLOAD_FOR_OFFLINE", payload: { urlsToCache: urls } })) as { failed: string[] };
  if (reply.failed.includes(urls[0])) throw new Error("the module itself was not stored");
  localStorage.setItem(DOWNLOADED_KEY, JSON.stringify({ ...downloaded(), [`${module.id}:${locale}`]: module.title }));
}

export function markRead(moduleId: number, part: string): void {
  const read = readJson<Record<string, string[]>>(READ_KEY, {});
  const parts = new Set(read[moduleId] || []);
  parts.add(part);
  read[moduleId] = [...parts];
  localStorage.setItem(READ_KEY, JSON.stringify(read));
}

export function readParts(moduleId: number): string[] {
  return readJson<Record<string, string[]>>(READ_KEY, {})[moduleId] || [];
}

type Reading = Required<Schemas["ReadingInput"]>;

function queued(): Reading[] {
  return readJson<Reading[]>(QUEUE_KEY, []);
}

/** Queues "the learner opened this module now" for the server, then tries to send the queue. */
export function recordReading(moduleId: number): void {
  const queue = queued();
  if (!queue.some((r) => r.module === moduleId)) {
    queue.push({ module: moduleId, read_at: new Date().toISOString() });
    localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
  }
  void sendReadings();
}

let sending: Promise<void> | null = null;

/** Sends the queued readings (idempotent on the server: a resent one changes nothing). Each one
 * leaves the queue once the server has it, or if the server will never take it (no such module
 * any more); without a connection or a session, it waits for the next try. */
export function sendReadings(): Promise<void> {
  if (sending) return sending;
  sending = (async () => {
    for (const reading of queued()) {
      if (!session.token || !navigator.onLine) break;
      try {
        await request("learners/me/reading/", { method: "POST", auth: true, withLocale: false, body: JSON.stringify(reading) });
      } catch (error) {
        if (!(error instanceof ApiError) || !["not-found", "invalid"].includes(error.kind)) break;
      }
      localStorage.setItem(QUEUE_KEY, JSON.stringify(queued().filter((r) => r.module !== reading.module)));
    }
  })().finally(() => { sending = null; });
  return sending;
}

/** Forgets the readings not sent yet: the learner signed out or was erased on this device. */
export function forgetReadings(): void {
  localStorage.removeItem(QUEUE_KEY);
}
