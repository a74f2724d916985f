// Runs before wagtail-localize's translation editor reads its settings from the page: people
// who may not replace a translation with an alias of the source (translators and reviewers)
// are not offered "Convert to alias page", which would throw their translation away.
(function () {
  const script = document.currentScript;
  const editor = document.querySelector(".js-translation-editor[data-props]");
  if (!editor || script.dataset.mayConvertToAlias === "true") return;
  const props = JSON.parse(editor.dataset.props);
  if (props.links) props.links.convertToAliasUrl = null;
  editor.dataset.props = JSON.stringify(props);
})();

// Each text reads in its own direction: the source segments (English, left to right) and the
// admin's own words (right to left in a Persian admin) take the direction of their first
// letters, while what the translator types follows the target language.
(function () {
  const script = document.querySelector("script[data-target-language]");
  const editor = document.querySelector(".js-translation-editor");
  if (!script || !editor) return;
  const target = script.dataset.targetLanguage;
  const targetDirection = script.dataset.targetDirection;

  function mark(root) {
    // Only elements holding text alone: a container would take the direction of its first text.
    root.querySelectorAll("*").forEach((node) => {
      // Paragraphs too, whatever markup (<strong>…) they hold: they are in one language.
      const leaf = (node.children.length === 0 || node.matches("p, li")) && node.textContent.trim();
      if (leaf && !node.matches("textarea, input, svg *") && !node.hasAttribute("dir")) {
        node.setAttribute("dir", "auto");
      }
    });
    root.querySelectorAll("textarea, input[type=text]").forEach((field) => {
      field.setAttribute("dir", targetDirection);
      field.setAttribute("lang", target);
    });
  }

  new MutationObserver(() => mark(editor)).observe(editor, { childList: true, subtree: true });
  mark(editor);
})();
