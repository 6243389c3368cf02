// 내친구 데스크: a little plain JavaScript. Forms marked data-autosubmit submit themselves (the
// login link); elements with data-poll refresh their figures from a JSON endpoint.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const auto = document.querySelector("form[data-autosubmit]");
  if (auto) auto.submit();

  const box = document.querySelector("#broadcasts[data-poll]");
  if (box) {
    const tick = async () => {
      try {
        const r = await fetch(box.dataset.poll, { credentials: "same-origin" });
        if (!r.ok) return;
        const data = await r.json();
        for (const b of data.broadcasts) {
          const row = box.querySelector(`.broadcast[data-id="${b.id}"]`);
          if (!row) continue;
          row.querySelector("progress").value = b.percent;
          row.querySelector(".count").textContent = b.count;
          row.dataset.percent = b.percent;
        }
      } catch (e) { /* the next tick tries again */ }
    };
    setInterval(tick, Number(box.dataset.interval || 2000));
  }

  const turnout = document.querySelector("#turnout[data-poll]");
  if (turnout) {
    setInterval(async () => {
      try {
        const r = await fetch(turnout.dataset.poll, { credentials: "same-origin" });
        if (!r.ok) return;
        const data = await r.json();
        for (const row of data.buildings) {
          const tr = turnout.querySelector(`tr[data-building="${CSS.escape(row.building)}"]`);
          if (!tr) continue;
          tr.querySelector(".voted").textContent = row.voted.toLocaleString("ko-KR");
          tr.querySelector(".bar span").style.width = `${row.percent}%`;
          tr.querySelector(".pct").textContent = `${row.percent}%`;
        }
        const total = turnout.querySelector(".total");
        if (total) total.textContent = data.voted.toLocaleString("ko-KR");
      } catch (e) { /* the next tick tries again */ }
    }, Number(turnout.dataset.interval || 3000));
  }
});

// Forms that change something hard to undo ask first.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
