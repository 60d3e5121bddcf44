// Follows a broadcast's progress without reloading the page: fetches the counts every 3 s until nothing is left
// on its way. The page works without this file (it has a refresh link).
"use strict";
(function () {
  const table = document.getElementById("progress");
  if (!table || !window.fetch) {
    return;
  }
  const url = table.getAttribute("data-progress");
  function update() {
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(counts => {
        table.querySelectorAll("[data-count]").forEach(cell => {
          const value = counts[cell.getAttribute("data-count")];
          if (value !== undefined) {
            cell.textContent = String(value);
          }
        });
        // With no SMS gateway nothing moves until the server is restarted with one: stop asking (once the
        // outbox rows are all written).
        if (!counts.done && (counts.gateway !== false || counts.enqueueing)) {
          setTimeout(update, 3000);
        }
      })
      .catch(() => setTimeout(update, 10000));
  }
  setTimeout(update, 3000);
})();
