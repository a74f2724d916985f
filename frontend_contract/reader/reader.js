// The reference reader: everything it shows comes from the content API, read as the
// front-end contract (frontend_contract/README.md) describes. No build step, no dependency.
"use strict";

const params = new URLSearchParams(location.search);
const API = (params.get("api") || location.origin + "/api/v1").replace(/\/$/, "");
const app = document.getElementById("app");
const notice = document.getElementById("notice");
const picker = document.getElementById("locale");
let locales = [];
let locale = params.get("locale") || localStorage.getItem("locale") || "";

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "html") node.innerHTML = value; // the API sends sanitised HTML only
    else if (name === "style") node.setAttribute("style", value);
    else node[name] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

async function api(path) {
  const url = API + path + (path.includes("?") ? "&" : "?") + (locale ? "locale=" + locale : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.status);
  return body;
}

function setDirection(code) {
  const known = locales.find((l) => l.code === code);
  document.documentElement.lang = code;
  document.documentElement.dir = known ? known.direction : "ltr";
}

function showNotice(text, draft = false) {
  notice.hidden = !text;
  notice.textContent = text || "";
  notice.classList.toggle("notice-draft", draft);
}

function fallbackNote(item) {
  return item.fallback ? el("p", { className: "meta", textContent: "Not translated yet: shown in the original language." }) : null;
}

function image(img) {
  if (!img) return null;
  const largest = img.renditions[img.renditions.length - 1];
  return el("img", { src: largest ? largest.url : "", srcset: img.srcset, sizes: "(max-width: 46rem) 100vw, 46rem", alt: img.alt, width: img.width, height: img.height, loading: "lazy" });
}

function documentLink(doc, label) {
  if (!doc) return null;
  const size = doc.size ? ` (${Math.ceil(doc.size / 1024)} KB)` : "";
  return el("a", { href: doc.url, textContent: (label || doc.title) + size });
}

function questionView(question) {
  const value = question.value;
  const box = el("div", { className: "question" }, el("p", { textContent: value.prompt }));
  if (value.options) box.append(el("ul", {}, value.options.map((o) => el("li", { textContent: o.text }))));
  if (value.items) box.append(el("ol", {}, value.items.map((i) => el("li", { textContent: i.text }))));
  if (value.text) box.append(el("p", { textContent: value.text }));
  if (value.left) box.append(el("p", { textContent: value.left.map((i) => i.text).join(" · ") + " ↔ " + value.right.map((i) => i.text).join(" · ") }));
  return box;
}

const blocks = {
  section: (v) => [el("h2", { textContent: v.heading }), el("div", { html: v.body })],
  image: (v) => [el("figure", {}, image(v.image), v.caption ? el("figcaption", { textContent: v.caption }) : null)],
  video: (v) => {
    const video = el("video", { controls: true, src: v.video_file ? v.video_file.url : v.video_url, preload: "none" });
    for (const track of v.subtitles) video.append(el("track", { kind: "subtitles", srclang: track.language, src: track.file ? track.file.url : "", label: track.language }));
    return [el("h2", { textContent: v.title }), video, el("details", {}, el("summary", { textContent: "Transcript" }), el("div", { html: v.transcript }))];
  },
  audio: (v) => [el("h2", { textContent: v.title }), el("audio", { controls: true, preload: "none", src: v.audio_file ? v.audio_file.url : v.audio_url }), el("details", {}, el("summary", { textContent: "Transcript" }), el("div", { html: v.transcript }))],
  vocabulary: (v) => [el("h2", { textContent: v.title }), el("dl", {}, v.terms.map((t) => [el("dt", { textContent: t.term }), el("dd", { textContent: t.definition + " — " + t.example }, image(t.image))]))],
  card_deck: (v) => [el("h2", { textContent: v.title }), v.cards.map((c) => el("div", { className: "card" }, el("h3", { textContent: c.title }), el("p", { textContent: c.text }), image(c.image)))],
  scenario_game: (v) => [el("h2", { textContent: v.title }), el("p", { textContent: v.introduction }), v.steps.map((s) => el("div", { className: "card" }, el("p", { textContent: s.situation }), el("ul", {}, s.choices.map((c) => el("li", { textContent: c.text })))))],
  case_study: (v) => [el("h2", { textContent: v.title }), el("div", { html: v.situation }), el("ul", {}, v.questions.map((q) => el("li", { textContent: q }))), el("div", { html: v.takeaway })],
  template_download: (v) => [el("h2", { textContent: v.title }), el("p", { textContent: v.description }), documentLink(v.document)],
  further_resources: (v) => [el("h2", { textContent: v.title }), el("ul", {}, v.resources.map((r) => el("li", {}, el("a", { href: r.url, textContent: r.title }), " ", r.description)))],
  self_evaluation: (v) => [el("h2", { textContent: v.title }), v.questions.map(questionView)],
  evaluation: (v) => [el("h2", { textContent: v.title }), el("p", { textContent: v.instructions }), el("p", { className: "meta", textContent: `Pass mark: ${v.pass_mark}% of ${v.total_points} points` }), v.questions.map(questionView)],
};

function renderBlocks(list) {
  return list.map((block) => el("section", { className: "block block-" + block.type }, (blocks[block.type] || (() => []))(block.value)));
}

function renderItem(item) {
  setDirection(item.locale);
  const view = [el("h1", { id: "title", textContent: item.title }), fallbackNote(item)];
  if (item.type === "module") {
    view.push(el("p", { className: "meta", textContent: `${item.category ? item.category.title + " · " : ""}${item.duration_hours} h · ${item.language_level} · ${item.partner ? item.partner.short_name : ""}` }));
    view.push(el("p", { textContent: item.summary }));
    view.push(el("ul", {}, item.objectives.map((o) => el("li", { textContent: o }))));
    view.push(...renderBlocks(item.body));
  } else {
    for (const text of [item.summary, item.introduction, item.description]) if (typeof text === "string") view.push(el("div", { html: text }));
    for (const list of [item.body, item.chapters, item.items]) if (Array.isArray(list)) view.push(...renderBlocks(list));
  }
  app.replaceChildren(...view.filter(Boolean));
}

async function showCatalogue() {
  const catalogue = await api("/catalogue/");
  setDirection(catalogue.locale);
  const groups = [...catalogue.categories, ...catalogue.pathways].map((group) =>
    el("section", { className: "category", style: "--colour:" + group.colour },
      el("h2", { textContent: group.title }), fallbackNote(group), el("p", { textContent: group.description }),
      group.modules.map((m) => el("a", { className: "module-link", href: "#module/" + m.id, textContent: m.title }))));
  app.replaceChildren(el("h1", { id: "title", textContent: "E-modules" }), ...groups);
}

async function showPreview() {
  showNotice("Preview of a draft: not published.", true);
  const query = `/preview/?content_type=${encodeURIComponent(params.get("content_type"))}&token=${encodeURIComponent(params.get("token"))}`;
  const response = await fetch(API + query, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title);
  renderItem(body);
}

async function route() {
  try {
    if (params.get("token")) return await showPreview();
    showNotice("");
    const match = location.hash.match(/^#module\/(\d+)$/);
    if (match) renderItem(await api(`/modules/${match[1]}/`));
    else await showCatalogue();
  } catch (error) {
    app.replaceChildren(el("p", { role: "alert", textContent: error.message }));
  }
}

async function start() {
  locales = await (await fetch(API + "/locales/")).json();
  if (!locales.some((l) => l.code === locale)) locale = "";
  picker.replaceChildren(el("option", { value: "", textContent: "Browser's choice" }), ...locales.map((l) => el("option", { value: l.code, textContent: l.name })));
  picker.value = locale;
  picker.addEventListener("change", () => { locale = picker.value; localStorage.setItem("locale", locale); route(); });
  window.addEventListener("hashchange", route);
  await route();
}

start();
