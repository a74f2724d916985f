// The reading screens: the catalogue, a module (also a draft in the editors' preview).
import { getJson, type Schemas } from "./api";
import { renderBlock } from "./blocks";
import { bdi, h, render } from "./dom";
import { errorBox } from "./errors";
import { direction, language, n, t, ui } from "./i18n";
import { downloadModule, isDownloaded, markRead, readParts, recordReading } from "./offline";

type Module = Schemas["ModuleDetail"];

function itemLang(locale: string): Record<string, string> {
  return { lang: locale, dir: direction(locale) };
}

/** The language of one field of an item: the API names the fields still in the source language
 * (`field_locales`); the others are in the item's `locale`. */
function fieldLang(item: { locale: string; field_locales: Record<string, string> }, field: string): Record<string, string> {
  const locale = (item.field_locales || {})[field];
  return locale && locale !== item.locale ? itemLang(locale) : {};
}

function fallbackNote(item: { fallback: boolean }): HTMLElement | null {
  return item.fallback ? h("p", { class: "notice", ...ui() }, t("Not translated yet: shown in the original language.")) : null;
}

/** How many parts of a translated module (its fields, its blocks) are still in the source
 * language: 0 when all of it is in the language served (or the source itself was asked for). */
function partsNotTranslated(module: Module): number {
  const fields = Object.values(module.field_locales || {}).filter((locale) => locale !== module.locale).length;
  const blocks = module.body.filter((block) => block.locale && block.locale !== module.locale).length;
  return fields + blocks || (module.completeness < 100 ? 1 : 0);
}

/** Said at the top of a module that is translated only in part, in the learner's language. */
function partlyTranslatedNote(module: Module): HTMLElement | null {
  if (module.fallback) return fallbackNote(module);
  const count = partsNotTranslated(module);
  if (!count) return null;
  return h("p", { class: "notice partly-translated", role: "note", ...ui() },
    n("%(count)s part of this module is not translated into your language yet: it is shown in English.",
      "%(count)s parts of this module are not translated into your language yet: they are shown in English.", count));
}

/** The catalogue card's mark for a module not (wholly) in the language asked for. */
function languageMark(item: Schemas["ModuleSummary"]): HTMLElement | null {
  if (item.fallback) return h("span", { class: "badge in-english", ...ui() }, t("In English"));
  if (item.completeness < 100) return h("span", { class: "badge in-english", ...ui() }, t("Partly in English"));
  return null;
}

/** "Soft skills · 3 hours · A2 · FAMIDO", each value isolated so that it reads right in RTL. */
function metaLine(item: Schemas["ModuleSummary"]): HTMLElement {
  const parts: (HTMLElement | string)[] = [];
  if (item.category) parts.push(h("span", itemLang(item.locale), item.category.title));
  parts.push(h("span", {}, n("%(count)s hour", "%(count)s hours", item.duration_hours)));
  if (item.language_level) parts.push(bdi(item.language_level, "en"));
  if (item.partner) parts.push(bdi(item.partner.short_name, "en"));
  const line = h("p", { class: "meta" });
  parts.forEach((part, i) => line.append(...(i ? [" · ", part] : [part])));
  return line;
}

export async function showCatalogue(main: HTMLElement): Promise<void> {
  const catalogue = await getJson<Schemas["Catalogue"]>("catalogue/");
  const groups = [...catalogue.categories, ...catalogue.pathways].map((group) => {
    const section = h("section", { class: "group", ...itemLang(group.locale) },
      h("h2", fieldLang(group, "title"), group.title), fallbackNote(group),
      h("ul", { class: "modules" }, group.modules.map((m) => h("li", { ...itemLang(m.locale) },
        h("a", { class: "module-link", href: `#/module/${m.id}` }, h("span", { class: "title", ...fieldLang(m, "title") }, m.title),
          languageMark(m), isDownloaded(m.id, language) ? h("span", { class: "badge", ...ui() }, t("Available offline")) : null),
        metaLine(m)))));
    section.style.setProperty("--colour", group.colour);
    return section;
  });
  render(main, h("h1", { id: "title" }, t("E-modules")), ...groups);
}

function downloadButton(module: Module): HTMLElement {
  const status = h("span", { class: "meta", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "button", onclick: async () => {
    button.setAttribute("disabled", "");
    status.textContent = t("Downloading…");
    try {
      await downloadModule(module, language);
      status.textContent = t("Available offline");
    } catch {
      status.textContent = t("The download did not finish. Check your connection and try again.");
      button.removeAttribute("disabled");
    }
  } }, t("Download for offline"));
  if (isDownloaded(module.id, language)) status.textContent = t("Available offline");
  return h("p", { class: "download-offline" }, button, " ", status);
}

export function renderModule(main: HTMLElement, module: Module, preview: boolean): void {
  const blocks = module.body.map((block) => renderBlock(block, { moduleId: preview ? null : module.id, locale: module.locale, preview }));
  const read = preview ? 0 : readParts(module.id).length;
  render(main, h("article", { class: "module", ...itemLang(module.locale) },
    h("h1", { id: "title", ...fieldLang(module, "title") }, module.title), partlyTranslatedNote(module), metaLine(module),
    h("p", { class: "summary", ...fieldLang(module, "summary") }, module.summary),
    module.objectives.length ? h("ul", { class: "objectives", ...fieldLang(module, "objectives") }, module.objectives.map((o) => h("li", {}, o))) : null,
    preview ? null : downloadButton(module),
    read ? h("p", { class: "meta" }, t("You have opened this module before.")) : null,
    blocks));
  if (!preview) {
    markRead(module.id, "opened");
    recordReading(module.id);
  }
}

export async function showModule(main: HTMLElement, id: string): Promise<void> {
  renderModule(main, await getJson<Module>(`modules/${id}/`), false);
}

export async function showPreview(main: HTMLElement, contentType: string, token: string): Promise<void> {
  const notice = h("p", { class: "notice draft", role: "status" }, t("Preview of a draft: not published."));
  try {
    const query = new URLSearchParams({ content_type: contentType, token });
    const item = await getJson<Module>(`preview/?${query}`, { cache: "no-store", withLocale: false });
    if (item.type !== "module") {
      render(main, notice, h("h1", { id: "title" }, item.title));
      return;
    }
    renderModule(main, item, true);
    main.prepend(notice);
  } catch (error) {
    render(main, notice, errorBox(error), h("p", {}, t("Open the preview again from the editor.")));
  }
}
