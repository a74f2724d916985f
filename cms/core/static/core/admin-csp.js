// Starts the Wagtail admin's panels and date widgets that Wagtail starts with inline scripts,
// which the Content-Security-Policy refuses: our templates leave a hidden marker with the same
// arguments instead (see cms/core/wagtail_hooks.py, and when to delete this file).
(() => {
  const starters = {
    InlinePanel: (marker) => new window.InlinePanel(JSON.parse(marker.dataset.options)),
    MultipleChooserPanel: (marker) =>
      new window.MultipleChooserPanel(JSON.parse(marker.dataset.options)),
    initDateChooser: (marker) =>
      window.initDateChooser(marker.dataset.id, JSON.parse(marker.dataset.config)),
    initTimeChooser: (marker) =>
      window.initTimeChooser(marker.dataset.id, JSON.parse(marker.dataset.config)),
    initDateTimeChooser: (marker) =>
      window.initDateTimeChooser(marker.dataset.id, JSON.parse(marker.dataset.config)),
    chooser: (marker) => {
      const Chooser = window[marker.dataset.constructor];
      return new Chooser(marker.dataset.id, JSON.parse(marker.dataset.options));
    },
  };

  const startWithin = (root) => {
    const markers = root.matches && root.matches("[data-csp-start]") ? [root] : [];
    markers.push(...(root.querySelectorAll ? root.querySelectorAll("[data-csp-start]") : []));
    markers.forEach((marker) => {
      if (marker.dataset.cspStarted) return;
      marker.dataset.cspStarted = "true";
      starters[marker.dataset.cspStart]?.(marker);
    });
  };

  const run = () => {
    startWithin(document);
    // Forms added later (an inline panel's "Add" button) bring their own markers.
    new MutationObserver((records) => {
      records.forEach((record) => record.addedNodes.forEach(startWithin));
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
