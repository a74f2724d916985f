// The "Printable packs" form shows only the chooser of the kind of document chosen, and a link
// to read the chosen e-module before printing it.
(function () {
  const form = document.querySelector("[data-print-form]");
  if (!form) return;
  const targets = JSON.parse(document.getElementById("print-target-fields").textContent);
  const choosers = new Set(Object.values(targets));
  const read = form.querySelector("[data-print-read]");
  const moduleChooser = form.querySelector("[name=module]");

  function chosenKind() {
    const checked = form.querySelector("[name=kind]:checked");
    return checked ? checked.value : "";
  }

  function update() {
    const wanted = targets[chosenKind()];
    form.querySelectorAll("[data-print-field]").forEach((box) => {
      const name = box.dataset.printField;
      if (choosers.has(name)) box.hidden = name !== wanted;
    });
    const module = moduleChooser && moduleChooser.value;
    read.hidden = !(wanted === "module" && module);
    if (!read.hidden) {
      const locale = form.querySelector("[name=locale]").value;
      read.querySelector("a").href =
        form.dataset.readUrl.replace("/0/", "/" + module + "/") + "?locale=" + locale;
    }
  }

  form.addEventListener("change", update);
  update();
})();
