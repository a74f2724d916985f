// The learners' app: a shell (header, language, connection state) and a hash router.
import { prefetch } from "./api";
import { h, render } from "./dom";
import { errorBox } from "./errors";
import { LANGUAGES, language, preferredLanguage, t, useLanguage } from "./i18n";
import { showCatalogue, showModule, showPreview } from "./content";
import { settingsAccount, showCertificates, showEvaluation, showMe } from "./learner";
import { registerServiceWorker, sendReadings } from "./offline";

const params = new URLSearchParams(location.search);
const previewToken = params.get("token");
const main = document.getElementById("app") as HTMLElement;
const header = document.getElementById("header") as HTMLElement;
const connection = document.getElementById("connection") as HTMLElement;

function languagePicker(id: string): HTMLElement {
  const select = h("select", { id, onchange: async () => {
    await useLanguage(select.value, true);
    shell();
    await route();
  } }, Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, lang: code, selected: code === language }, name))) as HTMLSelectElement;
  return h("span", { class: "language" }, h("label", { for: id }, t("Language")), select);
}

function shell(): void {
  document.title = t("MigranTech e-modules");
  const nav = previewToken ? null : h("nav", { "aria-label": t("Main menu") },
    h("a", { href: "#/" }, t("E-modules")), h("a", { href: "#/me" }, t("My learning")),
    h("a", { href: "#/certificates" }, t("Certificates")), h("a", { href: "#/settings" }, t("Settings")));
  render(header, h("a", { class: "brand", href: "#/" }, "MigranTech"), nav, languagePicker("language"));
  showConnection();
}

function showConnection(): void {
  connection.hidden = navigator.onLine;
  document.body.classList.toggle("offline", !navigator.onLine);
  connection.textContent = navigator.onLine ? "" : t("You are offline. Downloaded modules still work.");
}

function showSettings(): void {
  render(main, h("h1", { id: "title" }, t("Settings")), h("h2", {}, t("Language")),
    h("p", {}, t("The app and the modules are shown in this language when a translation exists.")),
    languagePicker("language-settings"), ...settingsAccount(main));
}

// One screen at a time: a screen asked for while another is loading (a tap during a slow
// download, a language change) is shown after it, so the last one asked for is what stays.
let showing: Promise<void> | null = null;
let askedAgain = false;

function route(): Promise<void> {
  if (showing) {
    askedAgain = true;
    return showing;
  }
  showing = (async () => {
    do {
      askedAgain = false;
      await showScreen();
    } while (askedAgain);
    showing = null;
  })();
  return showing;
}

async function showScreen(): Promise<void> {
  main.setAttribute("aria-busy", "true");
  try {
    if (previewToken) return await showPreview(main, params.get("content_type") || "", previewToken);
    const [, screen, id] = location.hash.match(/^#\/([a-z]*)\/?(\d*)$/) || [];
    if (screen === "module" && id) await showModule(main, id);
    else if (screen === "evaluation" && id) await showEvaluation(main, id);
    else if (screen === "me") await showMe(main);
    else if (screen === "certificates") await showCertificates(main);
    else if (screen === "settings") showSettings();
    else await showCatalogue(main);
    window.scrollTo(0, 0);
  } catch (error) {
    render(main, h("h1", { id: "title" }, t("Sorry")), errorBox(error), h("p", {}, h("a", { class: "button", href: "#/" }, t("Back to the e-modules"))));
  } finally {
    main.removeAttribute("aria-busy");
  }
}

async function start(): Promise<void> {
  const texts = useLanguage(preferredLanguage());
  if (!previewToken) {
    const module = location.hash.match(/^#\/module\/(\d+)$/);
    if (module) prefetch(`modules/${module[1]}/`);
    else if (!location.hash || location.hash === "#/") prefetch("catalogue/");
  }
  await texts;
  shell();
  window.addEventListener("hashchange", () => void route());
  window.addEventListener("online", () => {
    showConnection();
    void sendReadings();
  });
  window.addEventListener("offline", showConnection);
  await route();
  if (!previewToken) {
    registerServiceWorker();
    void sendReadings();
  }
}

void start();
