// wagtail-localize's translation editor, fitted to the people using it and to its two languages.
//
// The admin runs page scripts (Wagtail's "extra_js" block) before it has parsed the page's
// content, and wagtail-localize renders its editor from the data-props of
// ".js-translation-editor" once the document has loaded. So this script waits for the document
// (its DOMContentLoaded listener is added before wagtail-localize's, and so runs first), then
// follows the editor's DOM with a MutationObserver as wagtail-localize renders and re-renders it.
(function () {
  const settings = document.currentScript.dataset;
  const mayConvertToAlias = settings.mayConvertToAlias === "true";
  const SEGMENT = "li.complete, li.incomplete, li.errored";
  let upstreamHeading = null;

  // People who may not replace a translation with an alias of the source (translators and
  // reviewers) are not offered "Convert to alias page", which would throw their translation
  // away; the server refuses them too (cms/translation/review.py).
  function withoutConvertToAlias(editor) {
    if (!editor.dataset.props) return;
    const props = JSON.parse(editor.dataset.props);
    if (props.links && props.links.convertToAliasUrl) {
      props.links.convertToAliasUrl = null;
      editor.dataset.props = JSON.stringify(props);
    }
  }

  function removeConvertToAlias(root) {
    root.querySelectorAll('a[href*="/convert_to_alias/"]').forEach((link) => link.remove());
  }

  // Nor "Stop Synced translation", which would cut the translation off from its source (the
  // server refuses them too). wagtail-localize always renders it, as the footer's first action:
  // it is hidden, not removed, so that wagtail-localize can still re-render its footer.
  function hideStopTranslation(root) {
    root.querySelectorAll('button[data-w-action-url-value*="/disable/"]').forEach((button) => {
      // With nothing else in its menu (a translator may not delete, lock or unpublish), the
      // whole button group goes; otherwise the button alone.
      const group = button.closest(".w-dropdown-button");
      const menu = group && group.querySelector("[data-w-dropdown-target=content]");
      const alone = !menu || !menu.querySelector("a, button");
      const hidden = group && alone ? group : button;
      if (hidden.style.display !== "none") hidden.style.display = "none";
    });
  }

  function setOnce(node, name, value) {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  // Each text reads in its own language and direction: a source segment in the source's (an
  // English source left to right, in a Persian admin too), the translation shown or typed in
  // the target's; the admin's own words keep the admin's direction.
  function mark(editor) {
    editor.querySelectorAll(SEGMENT).forEach((segment) => {
      segment.querySelectorAll(":scope > p").forEach((source) => {
        setOnce(source, "lang", settings.sourceLanguage);
        setOnce(source, "dir", settings.sourceDirection);
      });
      segment
        .querySelectorAll(":scope > div > p, textarea, input[type=text]")
        .forEach((target) => {
          setOnce(target, "lang", settings.targetLanguage);
          setOnce(target, "dir", settings.targetDirection);
        });
    });
    if (!mayConvertToAlias) {
      removeConvertToAlias(document);
      hideStopTranslation(editor);
    }
    // Its heading, "English to Persian translation", is not translatable upstream.
    editor.querySelectorAll("h3").forEach((heading) => {
      if (heading.textContent === upstreamHeading) heading.textContent = settings.heading;
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    if (editor.dataset.props) {
      const props = JSON.parse(editor.dataset.props);
      upstreamHeading = `${props.sourceLocale.displayName} to ${props.locale.displayName} translation`;
    }
    if (!mayConvertToAlias) withoutConvertToAlias(editor);
    new MutationObserver(() => mark(editor)).observe(editor, { childList: true, subtree: true });
    mark(editor);
  });
})();
