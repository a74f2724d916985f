// Runs inline in index.html, before app.js has arrived: starts the first screen's API request
// and the interface texts' download at once, so that on a slow network they arrive with the
// app's script instead of one round trip after it. The app takes the request over (api.ts,
// prefetch) when it asks for the same address; otherwise it is simply not used.
import { API_BASE } from "./config";
import { preferredLanguage } from "./i18n";

try {
  const language = preferredLanguage();
  if (language !== "en") {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = `i18n/${language}.js`;
    document.head.append(link);
  }
  const module = location.hash.match(/^#\/module\/(\d+)$/);
  const first = module ? `modules/${module[1]}/` : !location.hash || location.hash === "#/" ? "catalogue/" : null;
  if (first && !new URLSearchParams(location.search).has("token")) {
    const url = new URL(first, API_BASE);
    url.searchParams.set("locale", language);
    const response = fetch(url.href, { headers: { Accept: "application/json" }, credentials: "omit" });
    response.catch(() => undefined); // the screen that takes it reports the error
    window.mtEarly = { url: url.href, response };
  }
} catch {
  // No storage or an old browser: the app starts its requests itself.
}
