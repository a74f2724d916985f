// The interface texts come from the project's PO files (locale/<language>/LC_MESSAGES/django.po),
// turned by build.mjs into one small module per language: {plural(n) → form index, messages}.
// msgids are English; a missing translation shows English rather than nothing.

export interface Catalogue {
  plural: (n: number) => number;
  messages: Record<string, string | string[]>;
}

export const LANGUAGES: Record<string, string> = {
  en: "English", fr: "Français", nl: "Nederlands", pt: "Português",
  tr: "Türkçe", ar: "العربية", fa: "فارسی", uk: "Українська",
};
export const RTL = new Set(["ar", "fa"]);
const STORAGE_KEY = "mt-language";

let catalogue: Catalogue = { plural: (n) => (n === 1 ? 0 : 1), messages: {} };
export let language = "en";

export function direction(code: string): "rtl" | "ltr" {
  return RTL.has(code.split("-")[0]) ? "rtl" : "ltr";
}

/** The interface's language and direction, for the app's own texts inside content that is in
 * another language (an English block on an Arabic screen): they keep the interface's. */
export function ui(): { lang: string; dir: "rtl" | "ltr" } {
  return { lang: language, dir: direction(language) };
}

/** The remembered choice, else the browser's first language we have, else English. */
export function preferredLanguage(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && stored in LANGUAGES) return stored;
  for (const tag of navigator.languages || []) {
    const code = tag.toLowerCase().split("-")[0];
    if (code in LANGUAGES) return code;
  }
  return "en";
}

export async function useLanguage(code: string, remember = false): Promise<void> {
  if (!(code in LANGUAGES)) code = "en";
  language = code; // content requests can start while the texts load
  if (remember) localStorage.setItem(STORAGE_KEY, code);
  if (code !== "en") {
    const url = new URL(`i18n/${code}.js`, document.baseURI).href;
    catalogue = ((await import(url)) as { default: Catalogue }).default;
  } else catalogue = { plural: (n) => (n === 1 ? 0 : 1), messages: {} };
  language = code;
  document.documentElement.lang = code;
  document.documentElement.dir = direction(code);
}

const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/%\((\w+)\)[sd]|%%/g, (match, name: string | undefined) => {
    if (match === "%%") return "%";
    const value = values[name as string];
    const shown = typeof value === "number" ? new Intl.NumberFormat(language).format(value) : value;
    // Each value keeps its own direction inside the sentence (as <bdi> does in markup).
    return FIRST_STRONG_ISOLATE + String(shown) + POP_DIRECTIONAL_ISOLATE;
  });
}

/** gettext: the translation of an English interface text. */
export function t(msgid: string, values: Record<string, string | number> = {}): string {
  const found = catalogue.messages[msgid];
  return fill(typeof found === "string" && found ? found : msgid, values);
}

/** ngettext: the plural form the language needs for `count` (available as %(count)s). */
export function n(singular: string, plural: string, count: number, values: Record<string, string | number> = {}): string {
  const found = catalogue.messages[singular];
  const all = { count, ...values };
  if (Array.isArray(found) && found.every(Boolean)) return fill(found[catalogue.plural(count)] ?? found[0], all);
  return fill(count === 1 ? singular : plural, all);
}
