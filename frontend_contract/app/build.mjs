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
// The app, with what it loads later (DOMPurify where the browser has no HTML Sanitizer API,
// Workbox's window library, …) split into chunks/.
const app = await esbuild.build({ ...common, entryPoints: { app: join(here, "src", "main.ts") }, outdir: dist, format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]", metafile: true });
for (const [file, output] of Object.entries(app.metafile.outputs)) {
  if (output.imports.some((i) => i.path.endsWith("app.js"))) throw new Error(`${file} imports app.js, which is inlined in the page`);
}
await esbuild.build({ ...common, entryPoints: [join(here, "src", "sw.ts")], outfile: join(dist, "sw.js"), format: "iife" });
// The page carries its script and style inline: on a slow network each file it named cost a
// request with its own latency (2 s on "Slow 3G"), while the page's own bytes arrive during the
// latency of the first screen's requests, which boot.ts starts from the top of the page. The
// inline script and style are allowed by their hashes in the page's Content-Security-Policy
// (cms/core/learners_app.py), read from the built page.
const boot = await esbuild.build({ ...common, entryPoints: [join(here, "src", "boot.ts")], format: "iife", write: false });
const inline = {
  "<!-- boot -->": ["script", boot.outputFiles[0].text.trim()],
  "<!-- style -->": ["style", readFileSync(join(dist, "app.css"), "utf8").trim()],
  "<!-- app -->": ['script type="module"', readFileSync(join(dist, "app.js"), "utf8").trim()],
};
let page = readFileSync(join(dist, "index.html"), "utf8");
const sources = { script: [], style: [] };
for (const [marker, [tag, code]] of Object.entries(inline)) {
  const name = tag.split(" ")[0];
  // Nothing in it may end the element or open an HTML comment inside a script.
  if (new RegExp(`</${name}|<!--`, "i").test(code)) throw new Error(`${marker}: cannot be inlined, it contains </${name} or <!--`);
  if (!page.includes(marker)) throw new Error(`static/index.html lost its ${marker} marker`);
  page = page.replace(marker, () => `<${tag}>${code}</${name}>`);
  sources[name].push(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
}
writeFileSync(join(dist, "index.html"), page);
rmSync(join(dist, "app.js"));
rmSync(join(dist, "app.css"));

const wanted = messages();
for (const language of readdirSync(locales)) {
  writeFileSync(join(dist, "i18n", `${language}.js`), catalogue(language, wanted));
}

const { count, warnings } = await injectManifest({
  globDirectory: dist,
  globPatterns: ["index.html", "chunks/*.js", "manifest.webmanifest", "icons/*.png"],
  swSrc: join(dist, "sw.js"),
  swDest: join(dist, "sw.js"),
});
warnings.forEach((warning) => console.warn(warning));
rmSync(final, { recursive: true, force: true });
renameSync(dist, final);
console.log(`learners' app built in dist/ for the API at ${api} (${wanted.size} interface texts, ${count} files precached)`);
console.log(`its page's inline script and style, for the Content-Security-Policy: script-src 'self' ${sources.script.join(" ")}; style-src 'self' ${sources.style.join(" ")}`);
