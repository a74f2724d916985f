// One renderer per block type of a module's body (frontend_contract/blocks/module-body/).
// Each block is laid out in its own language and direction; the app's own texts inside it keep the
// interface's (ui()), so that an Arabic label reads right to left in an English block. Unknown
// types are skipped.
import { bdi, h, humanSize, richText } from "./dom";
import { direction, language, LANGUAGES, n, t, ui } from "./i18n";
import { practice, questionView } from "./questions";
import { markRead } from "./offline";
import type { Schemas } from "./api";

type Body = Schemas["ModuleDetail"]["body"][number];
type Image = Schemas["Image"];
type Doc = Schemas["Document"];
export interface BlockContext { moduleId: number | null; locale: string; preview: boolean }

/** The 640 px rendition (what "Download for offline" stores), else the largest there is. */
export function image(img: Image | null, extra: Record<string, string> = {}): HTMLElement | null {
  if (!img || !img.renditions.length) return null;
  const chosen = img.renditions.find((r) => r.width >= 640) || img.renditions[img.renditions.length - 1];
  return h("img", { src: chosen.url, alt: img.alt, width: chosen.width, height: chosen.height, loading: "lazy", decoding: "async", ...extra });
}

function download(doc: Doc | null, label?: string): HTMLElement | null {
  if (!doc) return null;
  return h("a", { class: "button download", href: doc.url, download: "" },
    label || doc.title, " ", h("span", { class: "meta" }, "(", bdi(`${doc.extension.toUpperCase()}, ${humanSize(doc.size, language)}`), ")"));
}

function transcript(html: string): HTMLElement | null {
  if (!html) return null;
  return h("details", { class: "transcript" }, h("summary", ui(), t("Transcript")), richText(html));
}

const heading = (text: string) => h("h2", {}, text);

function video(v: Extract<Body, { type: "video" }>["value"]): HTMLElement[] {
  const player = h("video", { controls: true, preload: "none", src: v.video_file?.url || v.video_url || null, crossorigin: "anonymous" });
  for (const track of v.subtitles) {
    if (!track.file) continue;
    player.append(h("track", { kind: "subtitles", srclang: track.language, src: track.file.url,
      label: LANGUAGES[track.language] || track.language, default: track.language === language }));
  }
  const languages = v.subtitles.map((s) => LANGUAGES[s.language] || s.language);
  return [heading(v.title), h("div", { class: "player" }, player),
    languages.length ? h("p", { class: "meta", ...ui() }, t("Subtitles"), ": ", languages.join(" · ")) : null,
    v.video_file ? h("p", { class: "meta", ...ui() }, download(v.video_file, t("Download the video"))) : null,
    transcript(v.transcript)].filter(Boolean) as HTMLElement[];
}

function audio(v: Extract<Body, { type: "audio" }>["value"]): (HTMLElement | null)[] {
  const src = v.audio_file?.url || v.audio_url;
  return [heading(v.title), src ? h("audio", { controls: true, preload: "none", src }) : null,
    v.other_languages.length ? h("ul", { class: "inline" }, v.other_languages.map((o) => o.file
      ? h("li", { lang: o.language, dir: direction(o.language) }, h("a", { href: o.file.url }, LANGUAGES[o.language] || o.language)) : null)) : null,
    transcript(v.transcript)];
}

function vocabulary(v: Extract<Body, { type: "vocabulary" }>["value"]): HTMLElement[] {
  const terms = v.terms.map((term) => {
    const listen = term.audio
      ? h("button", { type: "button", class: "listen", "aria-label": t("Listen: %(word)s", { word: term.term }),
        onclick: () => void new Audio(term.audio?.url).play() }, "🔊")
      : null;
    return h("li", { class: "term" }, image(term.image),
      h("p", { class: "word" }, h("strong", {}, term.term), " ", listen),
      h("p", {}, term.definition), term.example ? h("p", { class: "example" }, term.example) : null);
  });
  return [heading(v.title), h("ul", { class: "terms" }, terms)];
}

function cardDeck(v: Extract<Body, { type: "card_deck" }>["value"]): HTMLElement[] {
  const cards = v.cards.map((card, index) => {
    const back = h("div", { class: "back", hidden: true }, image(card.image), h("p", {}, card.text));
    const flip: HTMLElement = h("button", { type: "button", class: "card-face", "aria-expanded": "false", onclick: () => {
      const open = flip.getAttribute("aria-expanded") !== "true";
      flip.setAttribute("aria-expanded", String(open));
      back.hidden = !open;
      flip.closest(".card")?.classList.toggle("flipped", open);
    } }, h("span", { class: "meta" }, bdi(`${index + 1}/${v.cards.length}`)), " ", h("strong", {}, card.title),
      h("span", { class: "hint", ...ui() }, t("Turn the card")));
    return h("li", { class: "card" }, flip, back);
  });
  return [heading(v.title), h("ul", { class: "deck" }, cards)];
}

function scenario(v: Extract<Body, { type: "scenario_game" }>["value"]): HTMLElement[] {
  const stage = h("div", { class: "stage", "aria-live": "polite" });
  const meterLabel = h("span", {});
  const meter = h("meter", { min: 0, max: 100, value: v.starting_score, "aria-label": t("Employability meter") }) as HTMLMeterElement;
  let score = v.starting_score;
  const showScore = () => { meter.value = score; meterLabel.replaceChildren(t("Employability meter"), ": ", bdi(score)); };
  const play = (index: number) => {
    const step = v.steps[index];
    if (!step) {
      stage.replaceChildren(h("p", { class: "outcome", ...ui() }, t("End of the scenario. Your score: %(score)s", { score })),
        h("button", { type: "button", class: "button", ...ui(), onclick: () => { score = v.starting_score; showScore(); play(0); } }, t("Play again")));
      return;
    }
    const options = step.choices.map((choice) => h("button", { type: "button", class: "button choice-button", onclick: () => {
      score = Math.max(0, Math.min(100, score + choice.score_change));
      showScore();
      stage.replaceChildren(h("p", { class: "situation" }, step.situation), h("p", { class: "chosen" }, choice.text),
        h("p", {}, choice.consequence), h("p", { class: choice.score_change >= 0 ? "feedback good" : "feedback bad" }, choice.feedback),
        h("button", { type: "button", class: "button", ...ui(), onclick: () => play(index + 1) }, t("Continue")));
    } }, choice.text));
    stage.replaceChildren(h("p", { class: "meta", ...ui() }, t("Step %(step)s of %(steps)s", { step: index + 1, steps: v.steps.length })),
      h("p", { class: "situation" }, step.situation), h("div", { class: "options" }, options));
  };
  showScore();
  play(0);
  return [heading(v.title), h("p", {}, v.introduction), h("p", { class: "meter", ...ui() }, meterLabel, meter), stage];
}

function caseStudy(v: Extract<Body, { type: "case_study" }>["value"]): HTMLElement[] {
  return [heading(v.title), richText(v.situation), h("h3", ui(), t("Think about it")), h("ol", {}, v.questions.map((q) => h("li", {}, q))),
    h("details", { class: "takeaway" }, h("summary", ui(), t("What to remember")), richText(v.takeaway))];
}

function selfEvaluation(v: Extract<Body, { type: "self_evaluation" }>["value"], ctx: BlockContext): HTMLElement[] {
  const items = v.questions.map((q, i) => ({ source: q, ...practice(q), view: questionView(practice(q).graded, i + 1) }));
  const summary = h("p", { class: "result", "aria-live": "polite", ...ui() });
  const form = h("form", { class: "quiz", onsubmit: (event: Event) => {
    event.preventDefault();
    let right = 0;
    for (const item of items) {
      const ok = item.check(item.view.answer());
      right += ok ? 1 : 0;
      item.view.node.querySelector(".feedback")?.remove();
      item.view.node.classList.toggle("right", ok);
      item.view.node.classList.toggle("wrong", !ok);
      item.view.node.append(h("p", { class: ok ? "feedback good" : "feedback bad" },
        h("strong", ui(), ok ? t("Right.") : t("Not quite.")), " ", item.source.value.explanation));
    }
    summary.textContent = n("%(right)s of %(count)s answer is right.", "%(right)s of %(count)s answers are right.", items.length, { right });
    if (ctx.moduleId) markRead(ctx.moduleId, "self-evaluation");
  } }, items.map((i) => i.view.node), h("p", ui(), h("button", { type: "submit", class: "button primary" }, t("Check my answers"))), summary);
  return [heading(v.title), form];
}

function evaluation(v: Extract<Body, { type: "evaluation" }>["value"], ctx: BlockContext): HTMLElement[] {
  const facts = h("ul", { class: "facts", ...ui() },
    h("li", {}, n("%(count)s question", "%(count)s questions", v.questions.length)),
    h("li", {}, t("To pass: %(mark)s %% of the points.", { mark: v.pass_mark })),
    v.time_limit_minutes ? h("li", {}, n("Time: %(count)s minute", "Time: %(count)s minutes", v.time_limit_minutes)) : null);
  const start = ctx.preview || !ctx.moduleId
    ? h("p", { class: "meta", ...ui() }, t("Learners start the graded evaluation here."))
    : h("p", ui(), h("a", { class: "button primary", href: `#/evaluation/${ctx.moduleId}` }, t("Start the evaluation")));
  return [heading(v.title), h("p", {}, v.instructions), facts, h("p", { class: "meta needs-network", ...ui() }, t("The evaluation needs a connection.")), start];
}

export function renderBlock(block: Body, ctx: BlockContext): HTMLElement | null {
  let content: (HTMLElement | null)[];
  switch (block.type) {
    case "section": content = [heading(block.value.heading), richText(block.value.body)]; break;
    case "image": content = [h("figure", {}, image(block.value.image), block.value.caption ? h("figcaption", {}, block.value.caption) : null)]; break;
    case "video": content = video(block.value); break;
    case "audio": content = audio(block.value); break;
    case "vocabulary": content = vocabulary(block.value); break;
    case "card_deck": content = cardDeck(block.value); break;
    case "scenario_game": content = scenario(block.value); break;
    case "case_study": content = caseStudy(block.value); break;
    case "template_download": content = [heading(block.value.title), h("p", {}, block.value.description), h("p", ui(), download(block.value.document, t("Download the template")))]; break;
    case "further_resources": content = [heading(block.value.title), h("ul", { class: "resources" }, block.value.resources.map((r) =>
      h("li", {}, h("a", { href: r.url, rel: "noopener noreferrer", hreflang: r.language || null }, r.title), r.description ? h("p", {}, r.description) : null)))]; break;
    case "self_evaluation": content = selfEvaluation(block.value, ctx); break;
    case "evaluation": content = evaluation(block.value, ctx); break;
    default: return null;
  }
  // The API marks each block with the language its text is in (the source's where it is not
  // translated yet): an English block in an Arabic module is laid out left to right.
  const lang = block.locale || ctx.locale;
  return h("section", { class: `block block-${block.type}`, id: `block-${block.id}`, lang, dir: direction(lang) }, content);
}
