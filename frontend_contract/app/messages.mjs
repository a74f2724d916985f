// The interface texts the app's source asks for, t("…") and n("…", "…"): what build.mjs takes
// from the PO files. `node messages.mjs` prints them as JSON (a test compares them with the list
// that makemessages reads, cms/core/learners_app_texts.py).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** msgid → msgid_plural (null for a text without plural). */
export function messages() {
  const found = new Map();
  for (const file of readdirSync(join(here, "src"))) {
    if (!file.endsWith(".ts") || file === "api-types.ts") continue;
    const source = readFileSync(join(here, "src", file), "utf8");
    for (const match of source.matchAll(/\bt\("((?:[^"\\]|\\.)*)"/g)) found.set(JSON.parse(`"${match[1]}"`), null);
    for (const match of source.matchAll(/\bn\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"/g)) {
      found.set(JSON.parse(`"${match[1]}"`), JSON.parse(`"${match[2]}"`));
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify([...messages()]));
