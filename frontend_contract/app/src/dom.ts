// Building the page from nodes: text is always set as text. API HTML (already cleaned by the
// server, cms/core/api/richtext.py) is sanitised again here against the same allow-list of the
// contract's rich-text tags: by the browser's own HTML Sanitizer API (Element.setHTML) where it
// has one, else by DOMPurify, loaded from a chunk of its own only in those browsers, so that the
// first screen does not wait for 10 KB of script most learners' browsers do not need.

type Child = Node | string | null | undefined | false | Child[];
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function append(node: Node & ParentNode, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(node, child);
    else if (child !== null && child !== undefined && child !== false) node.append(child);
  }
}

/** Replaces what a node shows; empty parts (null, false) are left out. */
export function render(node: Node & ParentNode, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

/** Unicode-isolated text (numbers, codes, durations) that keeps its own direction. */
export function bdi(text: string | number, lang?: string): HTMLElement {
  return h("bdi", lang ? { lang } : {}, String(text));
}

const TAGS = ["p", "br", "h3", "strong", "b", "em", "i", "ol", "ul", "li", "a"];
const ATTRIBUTES = ["href", "data-page-type", "data-page-id", "data-document-id"];
const URLS = /^(?:https?:|mailto:|#)/i;

// The HTML Sanitizer API (WICG): TypeScript's DOM types do not have it yet.
interface SanitizerConfig { elements: string[]; attributes: string[]; comments: boolean }
type Sanitizing = Element & { setHTML(html: string, options: { sanitizer: SanitizerConfig }): void };
// The standard API (its Sanitizer has allowElement and takes the configuration below), not the
// earlier draft some Chromium versions had, whose setHTML would ignore this allow-list.
const standard = (globalThis as { Sanitizer?: { prototype: object } }).Sanitizer;
const hasSetHTML = "setHTML" in Element.prototype && standard !== undefined && "allowElement" in standard.prototype;
const SANITIZER: SanitizerConfig = { elements: TAGS, attributes: ATTRIBUTES, comments: false };

// Started at once where it is needed, so that it downloads while the first screen's data does.
const purify = hasSetHTML ? null : import("dompurify").then((m) => m.default);

function fill(box: HTMLElement, html: string): void {
  if (!purify) {
    (box as unknown as Sanitizing).setHTML(html, { sanitizer: SANITIZER });
    // setHTML always drops javascript: URLs; the contract allows these schemes only.
    for (const link of box.querySelectorAll("[href]")) if (!URLS.test(link.getAttribute("href")?.trim() || "")) link.removeAttribute("href");
    routeLinks(box);
    return;
  }
  void purify.then((DOMPurify) => {
    box.append(DOMPurify.sanitize(html, { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ATTRIBUTES, ALLOWED_URI_REGEXP: URLS, RETURN_DOM_FRAGMENT: true }));
    routeLinks(box);
  });
}

function routeLinks(box: HTMLElement): void {
  for (const link of box.querySelectorAll("a")) {
    const type = link.getAttribute("data-page-type");
    const id = link.getAttribute("data-page-id");
    if (type === "module" && id && /^\d+$/.test(id)) link.setAttribute("href", `#/module/${id}`);
    else link.setAttribute("rel", "noopener noreferrer");
  }
}

/** The API's rich text, sanitised again here, with links to content routed inside the app.
 * Without setHTML the box is filled once DOMPurify has loaded. */
export function richText(html: string): HTMLElement {
  const box = h("div", { class: "rich" });
  fill(box, html);
  return box;
}

export function humanSize(bytes: number | null, lang: string): string {
  if (!bytes) return "";
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: bytes < 1048576 ? 0 : 1 });
  return bytes < 1048576 ? `${format.format(Math.ceil(bytes / 1024))} KB` : `${format.format(bytes / 1048576)} MB`;
}
