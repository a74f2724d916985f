// Building the page from nodes: text is always set as text. API HTML goes through DOMPurify
// (allow-list of the contract's rich-text tags) and is inserted as a sanitised fragment.
import DOMPurify from "dompurify";

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

const RICH_TEXT = {
  ALLOWED_TAGS: ["p", "br", "h3", "strong", "b", "em", "i", "ol", "ul", "li", "a"],
  ALLOWED_ATTR: ["href", "data-page-type", "data-page-id", "data-document-id"],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  RETURN_DOM_FRAGMENT: true as const,
};

/** The API's rich text, sanitised again here, with links to content routed inside the app. */
export function richText(html: string): HTMLElement {
  const fragment = DOMPurify.sanitize(html, RICH_TEXT);
  for (const link of fragment.querySelectorAll("a")) {
    const type = link.getAttribute("data-page-type");
    const id = link.getAttribute("data-page-id");
    if (type === "module" && id && /^\d+$/.test(id)) link.setAttribute("href", `#/module/${id}`);
    else link.setAttribute("rel", "noopener noreferrer");
  }
  const box = h("div", { class: "rich" });
  box.append(fragment);
  return box;
}

export function humanSize(bytes: number | null, lang: string): string {
  if (!bytes) return "";
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: bytes < 1048576 ? 0 : 1 });
  return bytes < 1048576 ? `${format.format(Math.ceil(bytes / 1024))} KB` : `${format.format(bytes / 1048576)} MB`;
}
