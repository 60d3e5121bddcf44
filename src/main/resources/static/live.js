// The studio screen (/radio/{id}/live): draws each tally the server pushes. A file of its own because the
// Content-Security-Policy forbids inline scripts (an inline copy never ran in a browser).
"use strict";
const words = {
  rw: {voters: "Abatoye", comments: "Ibitekerezo", send: "Ohereza", open: "Birafunguye", closed: "Byafunze", lost: "Ntibihuye..."},
  en: {voters: "Voters", comments: "Comments", send: "Send", open: "Open", closed: "Closed", lost: "Reconnecting..."},
  fr: {voters: "Votants", comments: "Commentaires", send: "Envoyez", open: "Ouvert", closed: "Ferme", lost: "Reconnexion..."}
};
const params = new URLSearchParams(location.search);
const lang = words[params.get("lang")] ? params.get("lang") : "rw";
const w = words[lang];
document.documentElement.lang = lang;
document.getElementById("totalLabel").textContent = w.voters;
document.getElementById("commentsLabel").textContent = w.comments;
const id = location.pathname.split("/").filter(Boolean)[1];
const status = document.getElementById("status");
let rows = {};

function draw(data) {
  if (data.missing) { return; }
  const c = data.campaign, t = data.tally;
  const now = Date.now(), open = Date.parse(c.opensAt) <= now && now < Date.parse(c.closesAt);
  document.getElementById("station").textContent = [c.station, c.show, c.name].filter(Boolean).join(" - ");
  document.getElementById("question").textContent = c.question[lang];
  document.getElementById("how").textContent = w.send + ": " + c.options.map(o => c.keyword + " " + o.code).join("  /  ");
  status.textContent = open ? w.open : w.closed;
  status.className = "";
  const box = document.getElementById("options");
  const counts = Object.fromEntries(t.options.map(o => [o.code, o.count]));
  const most = Math.max(1, ...t.options.map(o => o.count));
  for (const o of c.options) {
    if (!rows[o.code]) {
      const row = document.createElement("div");
      row.className = "option";
      row.innerHTML = '<span class="code"></span><span class="bar"><span class="fill"></span>'
        + '<span class="label"></span></span><span class="count"></span>';
      row.querySelector(".code").textContent = o.code;
      box.appendChild(row);
      rows[o.code] = row;
    }
    const row = rows[o.code], n = counts[o.code] || 0;
    row.querySelector(".label").textContent = o.labels[lang];
    row.querySelector(".count").textContent = n.toLocaleString();
    row.querySelector(".fill").style.width = (100 * n / most) + "%";
  }
  document.getElementById("total").textContent = t.total.toLocaleString();
  document.getElementById("comments").textContent = t.comments.toLocaleString();
}

// EventSource reconnects by itself after a network drop or a server restart; nothing else to do for hours.
const events = new EventSource("/radio/" + encodeURIComponent(id) + "/events");
events.addEventListener("tally", e => draw(JSON.parse(e.data)));
events.onerror = () => { status.textContent = w.lost; status.className = "off"; };
