// For the evaluation questions served by the learners' API (attempts and their corrections),
// which, unlike the content API's blocks and fields, do not mark the language of each question:
// a question left untranslated in a right-to-left questionnaire is the English source,
// recognised by having no Arabic-script letter, so that it is laid out as English
// (lang="en" dir="ltr") and not as Arabic. Delete once attempts carry a locale per question.
import { direction } from "./i18n";

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F]/;
const SOURCE_LOCALE = "en";

export function localeOf(text: unknown, itemLocale: string): string {
  if (direction(itemLocale) !== "rtl") return itemLocale;
  return ARABIC_SCRIPT.test(JSON.stringify(text)) ? itemLocale : SOURCE_LOCALE;
}
