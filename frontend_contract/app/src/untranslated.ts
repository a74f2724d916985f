// Workaround, to delete once the content API marks every block and field with its own `locale`
// (announced in frontend_contract/CHANGELOG.md): until then, a block or field left untranslated in
// a right-to-left item is the English source, recognised by having no Arabic-script letter, so
// that it is laid out as English (lang="en" dir="ltr") and not as Arabic.
import { direction } from "./i18n";

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F]/;
const SOURCE_LOCALE = "en";

export function localeOf(text: unknown, itemLocale: string, marked?: string): string {
  if (marked) return marked;
  if (direction(itemLocale) !== "rtl") return itemLocale;
  return ARABIC_SCRIPT.test(JSON.stringify(text)) ? itemLocale : SOURCE_LOCALE;
}
