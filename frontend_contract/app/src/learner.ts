// The learner's screens on the learners' API (docs/api.md, "Learners and evaluations"):
// signing up, the recovery code, evaluations, progress, certificates, own data, erasure.
import { ApiError, getJson, request, send, session, type Schemas } from "./api";
import { bdi, h, render } from "./dom";
import { errorBox, errorMessage } from "./errors";
import { direction, language, t } from "./i18n";
import { questionView, type Answer } from "./questions";
import { forgetReadings, sendReadings } from "./offline";

type Attempt = Schemas["Attempt"];
type Result = Schemas["Result"];

const dateFormat = () => new Intl.DateTimeFormat(language, { dateStyle: "long" });

function field(label: string, input: HTMLElement): HTMLElement {
  const id = `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return h("p", { class: "field" }, h("label", { for: id }, label), input);
}

function formWithErrors(content: HTMLElement[], onSubmit: () => Promise<void>): HTMLElement {
  const message = h("div", { "aria-live": "assertive" });
  // The app checks the fields itself (novalidate), so that what it says is in the learner's
  // language rather than in the browser's.
  const form = h("form", { class: "card-form", novalidate: true, onsubmit: async (event: Event) => {
    event.preventDefault();
    message.replaceChildren();
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => b.setAttribute("disabled", ""));
    try { await onSubmit(); } catch (error) { message.replaceChildren(errorBox(error)); }
    buttons.forEach((b) => b.removeAttribute("disabled"));
  } }, content, message);
  return form;
}

function showRecoveryCode(main: HTMLElement, code: string, name: string): void {
  render(main, h("section", { class: "recovery" },
    h("h1", { id: "title" }, t("Welcome, %(name)s!", { name })),
    h("p", {}, t("This is your recovery code. Write it down or take a photo of it. With it you can open your account on another phone. Nobody else can give it to you again.")),
    h("p", { class: "code", lang: "en", dir: "ltr" }, code),
    h("p", {}, h("button", { type: "button", class: "button", onclick: () => window.print() }, t("Print the code")), " ",
      h("button", { type: "button", class: "button primary", onclick: () => void showMe(main).catch((e) => render(main, errorBox(e))) },
        t("I have saved my code")))));
}

function signUpForms(main: HTMLElement): HTMLElement[] {
  const name = h("input", { type: "text", required: true, maxlength: 100, autocomplete: "nickname" }) as HTMLInputElement;
  const signUp = formWithErrors([h("h2", {}, t("New here?")),
    h("p", {}, t("Only a name is needed. It is printed on your certificates.")),
    field(t("Your name"), name), h("button", { type: "submit", class: "button primary" }, t("Create my account"))], async () => {
    if (!name.value.trim()) {
      name.focus();
      throw new ApiError("invalid", 400, t("Write your name first."));
    }
    const registration = await getJson<Schemas["Registration"]>("learners/", {
      method: "POST", body: JSON.stringify({ display_name: name.value.trim(), locale: language }), headers: { "Content-Type": "application/json" } });
    session.token = registration.token;
    void sendReadings();
    showRecoveryCode(main, registration.recovery_code, registration.learner.display_name);
  });
  const code = h("input", { type: "text", required: true, autocomplete: "off", spellcheck: "false", dir: "ltr" }) as HTMLInputElement;
  const signIn = formWithErrors([h("h2", {}, t("Already have an account?")),
    field(t("Your recovery code"), code), h("button", { type: "submit", class: "button" }, t("Sign in"))], async () => {
    if (!code.value.trim()) {
      code.focus();
      throw new ApiError("invalid", 400, t("Write your recovery code first."));
    }
    const signed = await getJson<Schemas["SignedIn"]>("learners/sign-in/", {
      method: "POST", body: JSON.stringify({ recovery_code: code.value }), headers: { "Content-Type": "application/json" } });
    session.token = signed.token;
    void sendReadings();
    await showMe(main);
  });
  return [signUp, signIn];
}

function progressBar(label: string, done: number, total: number, read = 0): HTMLElement {
  return h("li", { class: "progress" }, h("span", {}, label), " ",
    h("progress", { max: total, value: done, "aria-label": label }), " ", bdi(`${done}/${total}`),
    read ? [" ", h("span", { class: "meta read" }, t("Modules opened: %(count)s", { count: read }))] : null);
}

export async function showMe(main: HTMLElement): Promise<void> {
  if (!session.token) {
    render(main, h("h1", { id: "title" }, t("My learning")), ...signUpForms(main));
    return;
  }
  const [me, progress] = await Promise.all([
    getJson<Schemas["Learner"]>("learners/me/", { auth: true }),
    getJson<Schemas["Progress"]>("learners/me/progress/", { auth: true }),
  ]);
  render(main, h("h1", { id: "title" }, t("My learning")),
    h("p", {}, t("Signed in as %(name)s.", { name: me.display_name })),
    h("h2", {}, t("My progress")),
    h("ul", { class: "progress-list" },
      progressBar(t("All the e-modules"), progress.overall.done, progress.overall.total, progress.overall.read),
      [...progress.categories, ...progress.pathways].map((g) => progressBar(g.title, g.done, g.total, g.read))),
    h("h2", {}, t("Modules passed")),
    progress.modules.length
      ? h("ul", {}, progress.modules.map((m) => h("li", {}, h("a", { href: `#/module/${m.id}` }, m.title), " ",
        h("span", { class: "meta" }, bdi(dateFormat().format(new Date(m.completed_at)))))))
      : h("p", {}, t("No module passed yet.")),
    h("p", {}, h("a", { class: "button", href: "#/certificates" }, t("My certificates"))));
}

function countdown(deadline: string | null, onEnd: () => void): HTMLElement | null {
  if (!deadline) return null;
  const end = new Date(deadline).getTime();
  const clock = h("span", { class: "clock", dir: "ltr" });
  const box = h("p", { class: "timer", role: "timer" }, t("Time left:"), " ", h("bdi", {}, clock));
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    const format = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 });
    clock.textContent = `${format.format(Math.floor(left / 60))}:${format.format(left % 60)}`;
    if (left === 0) { clearInterval(timer); onEnd(); }
  };
  const timer = window.setInterval(() => { if (!box.isConnected) clearInterval(timer); else tick(); }, 1000);
  tick();
  return box;
}

function showResult(main: HTMLElement, moduleId: string, result: Result): void {
  const mistakes = result.mistakes.map((m) => {
    // Each correction in its question's language (the API marks it); the labels in the interface's.
    const own = { lang: m.locale, dir: direction(m.locale) };
    return h("li", { class: "mistake" },
      h("p", { class: "prompt", ...own }, m.prompt),
      h("p", {}, h("strong", {}, t("Right answer:")), " ", h("bdi", own, m.correct_answer.text)),
      m.explanation ? h("p", { class: "meta", ...own }, m.explanation) : null);
  });
  render(main, h("section", { class: "result" },
    h("h1", { id: "title" }, result.passed ? t("You passed!") : t("Not passed yet")),
    h("p", { class: "score" }, t("Your score: %(score)s of %(total)s points (%(percent)s %%). To pass: %(mark)s %%.",
      { score: result.score, total: result.total_points, percent: Math.round(result.percent), mark: result.pass_mark })),
    mistakes.length ? [h("h2", {}, t("Corrections")), h("ol", {}, mistakes)] : null,
    result.passed
      ? h("p", {}, h("a", { class: "button primary", href: "#/certificates" }, t("My certificates")), " ",
        h("a", { class: "button", href: "#/" }, t("Back to the e-modules")))
      : h("p", {}, h("a", { class: "button primary", href: `#/evaluation/${moduleId}` }, t("Try again")), " ",
        h("a", { class: "button", href: `#/module/${moduleId}` }, t("Read the module again")))));
}

export async function showEvaluation(main: HTMLElement, moduleId: string): Promise<void> {
  if (!session.token) {
    render(main, h("h1", { id: "title" }, t("Evaluation")), h("p", {}, t("Create an account or sign in to take the evaluation and get a certificate.")),
      h("a", { class: "button primary", href: "#/me" }, t("Sign in")));
    return;
  }
  if (!navigator.onLine) {
    render(main, h("h1", { id: "title" }, t("Evaluation")), h("p", { class: "error", role: "alert" },
      t("The evaluation needs a connection. Connect to the internet and try again.")),
      h("a", { class: "button", href: `#/module/${moduleId}` }, t("Read the module again")));
    return;
  }
  const attempt = await send<Attempt>(`modules/${moduleId}/attempts/`, "POST");
  const questionnaire = attempt.questionnaire;
  const views = questionnaire.questions.map((q, i) => questionView(q, i + 1));
  const message = h("div", { "aria-live": "assertive" });
  const timeUp = h("p", { class: "error", role: "alert", hidden: true }, t("Time is up. Send your answers now: they may not count."));
  let sendEmpty = false;
  const submit = async () => {
    const answers: Record<string, Answer> = {};
    questionnaire.questions.forEach((q, i) => {
      const answer = views[i].answer();
      if (answer !== null && !(Array.isArray(answer) && answer.every((a) => a === ""))) answers[q.id] = answer;
    });
    // Nothing answered: an attempt sent now would count, so the learner confirms it first.
    if (views.length && !views.some((v) => v.answered()) && !sendEmpty) {
      message.replaceChildren(h("div", { class: "confirm-empty", role: "alert" },
        h("p", { class: "error" }, t("You have not answered any question. If you send now, it counts as an attempt.")),
        h("p", {}, h("button", { type: "button", class: "button", onclick: () => { sendEmpty = true; void submit(); } }, t("Send anyway")))));
      return;
    }
    message.replaceChildren();
    try {
      showResult(main, moduleId, await send<Result>(`attempts/${attempt.id}/submit/`, "POST", { answers }));
      window.scrollTo(0, 0);
    } catch (error) {
      message.replaceChildren(errorBox(error));
      if (error instanceof ApiError && error.kind === "time-is-up") form.querySelector("button[type=submit]")?.remove();
    }
  };
  const form = h("form", { class: "quiz evaluation", onsubmit: (event: Event) => { event.preventDefault(); void submit(); } },
    views.map((v) => v.node), timeUp, h("button", { type: "submit", class: "button primary" }, t("Send my answers")), message);
  // Each question in the language the API marks it with (one still in English in an Arabic
  // questionnaire reads left to right), the title and instructions too; the form's button and
  // warnings in the interface's.
  const own = (lang: string) => ({ lang, dir: direction(lang) });
  questionnaire.questions.forEach((q, i) => Object.assign(views[i].node, own(q.locale)));
  const fields = questionnaire.field_locales;
  render(main, h("h1", { id: "title", ...own(fields.title || attempt.locale) }, questionnaire.title),
    h("p", own(fields.instructions || attempt.locale), questionnaire.instructions),
    countdown(attempt.deadline, () => { timeUp.hidden = false; }),
    form);
}

async function openPrivateFile(url: string, filename: string, status: HTMLElement): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const response = await request(url, { auth: true, headers: { Accept: "application/pdf, application/json" } });
    if (response.status === 202) {
      status.textContent = t("Preparing the PDF…");
      await new Promise((resolve) => setTimeout(resolve, 2000));
      continue;
    }
    const link = h("a", { href: URL.createObjectURL(await response.blob()), download: filename }) as HTMLAnchorElement;
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = t("Downloaded.");
    return;
  }
}

export async function showCertificates(main: HTMLElement): Promise<void> {
  if (!session.token) return showMe(main);
  const certificates = await getJson<Schemas["MyCertificate"][]>("learners/me/certificates/", { auth: true });
  const items = certificates.map((c) => {
    const status = h("span", { class: "meta", "aria-live": "polite" });
    const run = (url: string, name: string) => async () => {
      try { await openPrivateFile(url, name, status); } catch (error) { status.textContent = errorMessage(error); }
    };
    return h("li", { class: "certificate" },
      h("h2", {}, c.title),
      h("p", { class: "meta" }, t("Certificate type %(type)s", { type: c.type }), " · ", t("Completed on %(date)s", { date: dateFormat().format(new Date(c.completed_at)) })),
      h("p", { class: "actions" },
        h("button", { type: "button", class: "button primary", onclick: run(c.pdf_url, `certificate-${c.id}.pdf`) }, t("Download the PDF")),
        h("a", { class: "button", href: c.verification_url, target: "_blank", rel: "noopener" }, t("Check it online")),
        h("button", { type: "button", class: "button", onclick: run(c.badge_url, `badge-${c.id}.json`) }, t("Open Badge"))),
      status);
  });
  render(main, h("h1", { id: "title" }, t("My certificates")),
    items.length ? h("ul", { class: "certificates" }, items) : h("p", {}, t("No certificate yet. Pass the evaluation of a module to get one.")));
}

export function settingsAccount(main: HTMLElement): HTMLElement[] {
  if (!session.token) return [h("p", {}, h("a", { class: "button", href: "#/me" }, t("Create an account or sign in")))];
  const status = h("p", { class: "meta", "aria-live": "polite" });
  const exportData = h("button", { type: "button", class: "button", onclick: async () => {
    try {
      const blob = await (await request("learners/me/data/", { auth: true })).blob();
      const link = h("a", { href: URL.createObjectURL(blob), download: "migrantech-my-data.json" }) as HTMLAnchorElement;
      document.body.append(link); link.click(); link.remove();
      status.textContent = t("Downloaded.");
    } catch (error) { status.textContent = errorMessage(error); }
  } }, t("Download my data"));
  const understood = h("input", { type: "checkbox", id: "erase-understood" }) as HTMLInputElement;
  const erase = formWithErrors([h("h2", {}, t("Erase me")),
    h("p", {}, t("This deletes your name, your results and your certificates from MigranTech, for ever. Your certificates will no longer be valid. This cannot be undone.")),
    h("p", { class: "choice" }, understood, h("label", { for: "erase-understood" }, t("I understand. Delete everything about me."))),
    h("button", { type: "submit", class: "button danger" }, t("Erase me"))], async () => {
    if (!understood.checked) throw new ApiError("invalid", 400, t("Tick the box first to confirm."));
    await request("learners/me/", { method: "DELETE", auth: true });
    session.token = null;
    forgetReadings();
    render(main, h("h1", { id: "title" }, t("You are erased")), h("p", {}, t("Everything about you has been deleted.")),
      h("a", { class: "button", href: "#/" }, t("Back to the e-modules")));
  });
  const signOut = h("button", { type: "button", class: "button", onclick: async () => {
    try { await request("learners/me/sign-out/", { method: "POST", auth: true }); } catch { /* signed out here anyway */ }
    session.token = null;
    forgetReadings();
    location.hash = "#/me";
    await showMe(main);
  } }, t("Sign out"));
  return [h("h2", {}, t("My data")), h("p", {}, exportData, " ", signOut), status, erase];
}
