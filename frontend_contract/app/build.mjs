// Builds the learners' app into dist/: the API types from ../openapi.yaml, the bundles (esbuild),
// the interface catalogues from the project's PO files, and the service worker's precache list
// (workbox-build). MT_API (default "/api/v1/", the app's own origin) is the only API it talks to.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import gettextParser from "gettext-parser";
import { injectManifest } from "workbox-build";
import { messages } from "./messages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const final = join(here, "dist");
const dist = join(here, "dist.partial"); // swapped in whole at the end: a running server never sees half a build
const locales = join(here, "..", "..", "locale");
const api = process.env.MT_API || "/api/v1/";

const PLURAL = /plural=([n0-9\s<>=!&|?:%()+-]+);?\s*$/;

function catalogue(language, wanted) {
  const po = gettextParser.po.parse(readFileSync(join(locales, language, "LC_MESSAGES", "django.po")));
  const header = po.headers["Plural-Forms"] || "nplurals=2; plural=(n != 1);";
  const plural = header.match(PLURAL);
  if (!plural) throw new Error(`${language}: unexpected Plural-Forms ${header}`);
  const out = {};
  const missing = [];
  for (const [msgid, pluralId] of wanted) {
    const entry = po.translations[""][msgid];
    const fuzzy = entry?.comments?.flag?.includes("fuzzy");
    const strings = entry && !fuzzy ? entry.msgstr : [];
    if (!strings.length || !strings.every(Boolean)) { missing.push(msgid); continue; }
    out[msgid] = pluralId === null ? strings[0] : strings;
  }
  if (missing.length) console.warn(`${language}: ${missing.length} interface text(s) not translated yet:\n  ${missing.join("\n  ")}`);
  return `export default{plural:function(n){return Number(${plural[1].trim()})},messages:${JSON.stringify(out)}};\n`;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "i18n"), { recursive: true });
execFileSync(join(here, "node_modules", ".bin", "openapi-typescript"), ["../openapi.yaml", "-o", "src/api-types.ts"], { cwd: here, stdio: "ignore" });
cpSync(join(here, "static"), dist, { recursive: true });

const common = { bundle: true, minify: true, target: "es2020", define: { MT_API: JSON.stringify(api), "process.env.NODE_ENV": '"production"' }, legalComments: "none", logLevel: "warning" };
// The app, with what it loads later (Workbox's window library) split into chunks/.
await esbuild.build({ ...common, entryPoints: { app: join(here, "src", "main.ts") }, outdir: dist, format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]" });
await esbuild.build({ ...common, entryPoints: [join(here, "src", "sw.ts")], outfile: join(dist, "sw.js"), format: "iife" });
// boot.ts runs inline in the page (its hash is allowed by the page's Content-Security-Policy,
// cms/core/learners_app.py), to start the first screen's requests before app.js arrives.
const boot = await esbuild.build({ ...common, entryPoints: [join(here, "src", "boot.ts")], format: "iife", write: false });
const bootCode = boot.outputFiles[0].text.trim();
if (/<\/script/i.test(bootCode)) throw new Error("boot.ts cannot be inlined: it contains </script");
const page = readFileSync(join(dist, "index.html"), "utf8");
if (!page.includes("<!-- boot -->")) throw new Error("static/index.html lost its <!-- boot --> marker");
writeFileSync(join(dist, "index.html"), page.replace("<!-- boot -->", () => `<script>${bootCode}</script>`));
const bootHash = `'sha256-${createHash("sha256").update(bootCode).digest("base64")}'`;

const wanted = messages();
for (const language of readdirSync(locales)) {
  writeFileSync(join(dist, "i18n", `${language}.js`), catalogue(language, wanted));
}

const { count, warnings } = await injectManifest({
  globDirectory: dist,
  globPatterns: ["index.html", "app.js", "chunks/*.js", "app.css", "manifest.webmanifest", "icons/*.png"],
  swSrc: join(dist, "sw.js"),
  swDest: join(dist, "sw.js"),
});
warnings.forEach((warning) => console.warn(warning));
rmSync(final, { recursive: true, force: true });
renameSync(dist, final);
console.log(`learners' app built in dist/ for the API at ${api} (${wanted.size} interface texts, ${count} files precached)`);
console.log(`its page's inline script, for the Content-Security-Policy: script-src 'self' ${bootHash}`);
