// Follows a print job on the admin's job page: polls the job's API address once a second and
// moves the progress bar until the PDF is ready (or the job failed).
(function () {
  const box = document.querySelector("[data-print-job]");
  if (!box) return;
  const status = box.querySelector("[data-print-status]");
  const bar = box.querySelector("[data-print-progress]");
  const error = box.querySelector("[data-print-error]");
  const download = box.querySelector("[data-print-download]");
  const pages = box.querySelector("[data-print-pages]");
  const labels = JSON.parse(document.getElementById("print-status-labels").textContent);

  function show(job) {
    bar.value = job.progress;
    bar.textContent = job.progress + " %";
    status.textContent = labels[job.status] + (job.status === "running" ? " " + job.progress + " %" : "");
    if (job.status === "done") {
      download.hidden = false;
      // The label comes translated from the page: "{count} p." in the admin's language.
      if (job.page_count) pages.textContent = pages.dataset.label.replace("{count}", job.page_count);
    }
    if (job.error) {
      error.hidden = false;
      error.textContent = job.error;
    }
    return job.status === "done" || job.status === "failed";
  }

  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok && show(await response.json())) return;
    } catch (problem) {
      // The network may drop for a moment; try again.
    }
    window.setTimeout(poll, 1000);
  }
  poll();
})();
