// Where the app finds its API: fixed when the app is built (MT_API, see README), never read from
// the address bar, so that no link can point the app, and the editor who opens it, at another
// server. A relative value means the app's own origin.
declare const MT_API: string;

declare global {
  interface Window {
    /** The first screen's API request, started by the page before the app's script arrived
     * (boot.ts); taken, and removed, by the app's first request to the same address. */
    mtEarly?: { url: string; response: Promise<Response> };
  }
}

export const API_BASE = new URL(MT_API, location.href).href.replace(/\/?$/, "/");
