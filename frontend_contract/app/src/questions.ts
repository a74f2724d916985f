// The six question types as form controls. Self-evaluations are checked here (they carry their
// answers); graded evaluations only collect answers in the shape the API grades.
import { h } from "./dom";
import { t, ui } from "./i18n";
import type { Schemas } from "./api";

type Graded = Schemas["EvaluationQuestionnaireBlock"]["value"]["questions"][number];
type Practice = Schemas["SelfEvaluationQuizBlock"]["value"]["questions"][number];
export type Answer = string | boolean | string[] | Record<string, string> | null;

export interface QuestionView {
  node: HTMLElement;
  answer: () => Answer;
  /** Whether the learner has answered at all (an order left as shown is not an answer). */
  answered: () => boolean;
}

let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

interface Choice { id: string; text: string }

function choices(name: string, options: Choice[], multiple: boolean, own: Record<string, string> = {}): QuestionView {
  const inputs = options.map((option) => {
    const input = h("input", { type: multiple ? "checkbox" : "radio", name, value: option.id }) as HTMLInputElement;
    return { input, label: h("label", { class: "choice", ...own }, input, h("span", {}, option.text)) };
  });
  return {
    node: h("div", { class: "choices" }, inputs.map((i) => i.label)),
    answer: () => {
      const ticked = inputs.filter((i) => i.input.checked).map((i) => i.input.value);
      return multiple ? ticked : ticked[0] ?? null;
    },
    answered: () => inputs.some((i) => i.input.checked),
  };
}

function trueFalse(name: string): QuestionView {
  // "True" and "False" are the interface's words, in its language and direction.
  const view = choices(name, [{ id: "true", text: t("True") }, { id: "false", text: t("False") }], false, ui());
  return { node: view.node, answer: () => (view.answer() === null ? null : view.answer() === "true"), answered: view.answered };
}

function blanks(text: string): QuestionView {
  const inputs: HTMLInputElement[] = [];
  const parts = text.split("___");
  const line = h("p", { class: "blanks" });
  parts.forEach((part, index) => {
    line.append(part);
    if (index < parts.length - 1) {
      const input = h("input", { type: "text", autocomplete: "off", "aria-label": t("Blank %(number)s", { number: index + 1 }) }) as HTMLInputElement;
      inputs.push(input);
      line.append(input);
    }
  });
  return { node: line, answer: () => inputs.map((i) => i.value.trim()), answered: () => inputs.some((i) => i.value.trim() !== "") };
}

function ordering(items: Choice[]): QuestionView {
  const list = h("ol", { class: "ordering" });
  let moved = false;
  const move = (row: HTMLElement, step: number) => {
    const rows = [...list.children];
    const target = rows.indexOf(row) + step;
    if (target < 0 || target >= rows.length) return;
    moved = true;
    if (step < 0) list.insertBefore(row, rows[target]);
    else list.insertBefore(row, rows[target].nextSibling);
    (row.querySelector(step < 0 ? ".up" : ".down") as HTMLElement | null)?.focus();
  };
  for (const item of items) {
    const row: HTMLElement = h("li", { "data-id": item.id },
      h("span", { class: "grow" }, item.text),
      h("button", { type: "button", class: "up", "aria-label": t("Move up: %(item)s", { item: item.text }), onclick: () => move(row, -1) }, "↑"),
      h("button", { type: "button", class: "down", "aria-label": t("Move down: %(item)s", { item: item.text }), onclick: () => move(row, 1) }, "↓"));
    list.append(row);
  }
  return { node: list, answer: () => [...list.children].map((row) => row.getAttribute("data-id") || ""), answered: () => moved };
}

function matching(left: Choice[], right: Choice[]): QuestionView {
  const selects = left.map((item) => {
    const id = uid("match");
    const select = h("select", { id, "data-left": item.id },
      h("option", { value: "", ...ui() }, t("Choose…")),
      right.map((option) => h("option", { value: option.id }, option.text))) as HTMLSelectElement;
    return { item, select, row: h("div", { class: "pair" }, h("label", { for: id }, item.text), select) };
  });
  return {
    node: h("div", { class: "matching" }, selects.map((s) => s.row)),
    answer: () => Object.fromEntries(selects.filter((s) => s.select.value).map((s) => [s.item.id, s.select.value])),
    answered: () => selects.some((s) => s.select.value !== ""),
  };
}

function control(question: Graded): QuestionView {
  const name = uid("q");
  switch (question.type) {
    case "single_choice": return choices(name, question.value.options, false);
    case "multiple_choice": return choices(name, question.value.options, true);
    case "true_false": return trueFalse(name);
    case "fill_in_blank": return blanks(question.value.text);
    case "ordering": return ordering(question.value.items);
    case "matching": return matching(question.value.left, question.value.right);
  }
}

export function questionView(question: Graded, number: number): QuestionView {
  const view = control(question);
  const prompt = h("legend", {}, h("span", { class: "number" }, `${number}. `), question.value.prompt);
  return { node: h("fieldset", { class: "question", "data-question": question.id }, prompt, view.node), answer: view.answer, answered: view.answered };
}

/** A stable shuffle, so that items to order never start in the right order. */
function shuffled<T>(list: T[], seed: string): T[] {
  let state = [...seed].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) >>> 0, 7);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  if (copy.length > 1 && copy.every((item, i) => item === list[i])) copy.push(copy.shift() as T);
  return copy;
}

const normalise = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\s+/g, " ");

/** A self-evaluation question in the graded shape, and the check of an answer on the device. */
export function practice(question: Practice): { graded: Graded; check: (answer: Answer) => boolean } {
  const v = question.value;
  const base = { prompt: v.prompt, points: v.points };
  const ids = (list: unknown[]) => list.map((_, i) => String(i));
  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      const options = question.value.options.map((o, i) => ({ id: String(i), text: o.text }));
      const right = question.value.options.flatMap((o, i) => (o.correct ? [String(i)] : []));
      return {
        graded: { type: question.type, id: question.id, value: { ...base, options } },
        check: (a) => (Array.isArray(a) ? [...a].sort().join() === right.join() : right.length === 1 && a === right[0]),
      };
    }
    case "true_false":
      return { graded: { type: "true_false", id: question.id, value: base }, check: (a) => a === (question.value.answer === "true") };
    case "fill_in_blank": {
      const accepted = question.value.answers.map((variants) => variants.split("|").map(normalise));
      return {
        graded: { type: "fill_in_blank", id: question.id, value: { ...base, text: question.value.text, blanks: accepted.length } },
        check: (a) => Array.isArray(a) && accepted.every((words, i) => words.includes(normalise(String(a[i] ?? "")))),
      };
    }
    case "ordering": {
      const items = question.value.items.map((text, i) => ({ id: String(i), text }));
      return {
        graded: { type: "ordering", id: question.id, value: { ...base, items: shuffled(items, question.id) } },
        check: (a) => Array.isArray(a) && a.join() === ids(items).join(),
      };
    }
    case "matching": {
      const pairs = question.value.pairs;
      const left = pairs.map((p, i) => ({ id: `l${i}`, text: p.left }));
      const right = shuffled(pairs.map((p, i) => ({ id: `r${i}`, text: p.right })), question.id);
      return {
        graded: { type: "matching", id: question.id, value: { ...base, left, right } },
        check: (a) => !!a && typeof a === "object" && !Array.isArray(a) && pairs.every((_, i) => (a as Record<string, string>)[`l${i}`] === `r${i}`),
      };
    }
  }
}
