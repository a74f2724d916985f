// The service worker, built from Workbox's modules: the app shell is precached (its list is
// injected by workbox-build at build time); content is cached as it is read, and the app's
// "Download for offline" asks the same routes to fetch a module's files now (see the end).
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { getOrCreatePrecacheController } from "workbox-precaching/utils/getOrCreatePrecacheController.js";
import { getOrCreateDefaultRouter } from "workbox-routing/utils/getOrCreateDefaultRouter.js";
import { CacheFirst, NetworkFirst, NetworkOnly, StaleWhileRevalidate } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { API_BASE_FROM_BUILD } from "./sw-config";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

// The app shell is the same in every language, but the server may answer it with
// "Vary: Accept-Language": the precache must find it whatever language the browser asks for.
getOrCreatePrecacheController().strategy.matchOptions = { ignoreVary: true };
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html")));

const api = new URL(API_BASE_FROM_BUILD, self.location.href).href;
const privateApi = /\/(learners|attempts|preview|print-jobs)\//;
// Responses vary on Accept-Language, but the locale is always in the address here.
const matchOptions = { ignoreVary: true };

registerRoute(({ url }) => url.href.startsWith(api) && privateApi.test(url.pathname), new NetworkOnly());
registerRoute(({ url, request }) => request.method === "GET" && url.href.startsWith(api),
  new NetworkFirst({ cacheName: "mt-content", networkTimeoutSeconds: 6, matchOptions }));
registerRoute(({ request, url }) => request.destination === "image" || /\/media\/images\//.test(url.pathname),
  new CacheFirst({ cacheName: "mt-images", matchOptions, plugins: [new ExpirationPlugin({ maxEntries: 400 })] }));
registerRoute(({ url }) => /\.vtt$/.test(url.pathname),
  new CacheFirst({ cacheName: "mt-subtitles", matchOptions }));
registerRoute(({ url }) => url.origin === self.location.origin && /\/(fonts|i18n)\//.test(url.pathname),
  new StaleWhileRevalidate({ cacheName: "mt-app-assets", matchOptions }));

// "Download for offline": {type: "DOWNLOAD_FOR_OFFLINE", payload: {urlsToCache}} from the app.
// As in Workbox's own CACHE_URLS listener, each address goes through its route (so into that
// route's cache); unlike it, every address is tried and the app is told which ones failed.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "DOWNLOAD_FOR_OFFLINE") return;
  const urls: string[] = event.data.payload.urlsToCache;
  const router = getOrCreateDefaultRouter();
  const done = Promise.allSettled(urls.map(async (url) => {
    const response = await router.handleRequest({ request: new Request(url), event });
    if (!response || !response.ok) throw new Error(url);
  })).then((results) => urls.filter((_, i) => results[i].status === "rejected"));
  event.waitUntil(done);
  void done.then((failed) => event.ports[0]?.postMessage({ failed }));
});
self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
