// The web chat page: sends what the person types or taps to /api/web/message and draws the
// bot's screens as bubbles, cards and big buttons. No framework, no build step.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const choices = document.getElementById("choices");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const photo = document.getElementById("photo");
  const photoLabel = document.getElementById("photo-label");
  const bigger = document.getElementById("bigger");
  const MAX_PHOTO = 10 * 1024 * 1024;
  let busy = false;

  function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function session() {
    let s = localStorage.getItem("naechingu.session");
    if (!s) {
      const r = await fetch("/api/web/session", { method: "POST" });
      s = (await r.json()).session;
      localStorage.setItem("naechingu.session", s);
    }
    return s;
  }

  function bubble(cls, text) {
    const div = document.createElement("div");
    div.className = "bubble " + cls;
    div.textContent = text;
    log.appendChild(div);
    return div;
  }

  function buttonEl(b) {
    if (b.url) {
      const a = document.createElement("a");
      a.className = "choice";
      a.href = b.url;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = b.label;
      return a;
    }
    const el = document.createElement("button");
    el.type = "button";
    el.className = "choice" + (b.role === "nav" ? " nav" : "");
    el.textContent = b.label;
    el.addEventListener("click", () => send({ token: b.token }, b.label));
    return el;
  }

  // The last screen's buttons are the choices under the input; an earlier screen's (a
  // notification shown before the reply) stay with it, inline.
  function draw(screen, last = true, kind = "bot") {
    for (const n of screen.notices || []) bubble("notice", n);
    for (const c of screen.cards || []) {
      const card = document.createElement("div");
      card.className = "card";
      const h = document.createElement("h3");
      h.textContent = c.title;
      card.appendChild(h);
      for (const line of c.lines || []) {
        const p = document.createElement("p");
        p.textContent = line;
        card.appendChild(p);
      }
      if (c.image_url) {
        const img = document.createElement("img");
        img.src = c.image_url;
        img.alt = c.title;
        card.appendChild(img);
      }
      const row = document.createElement("div");
      row.className = "choices-inline";
      for (const b of c.buttons || []) row.appendChild(buttonEl(b));
      card.appendChild(row);
      log.appendChild(card);
    }
    const main = bubble(kind, screen.text);
    if (screen.image_url) {
      const img = document.createElement("img");
      img.src = screen.image_url;
      img.alt = screen.image_alt || "";
      main.appendChild(img);
    }
    if (!last) {
      const row = document.createElement("div");
      row.className = "choices-inline";
      for (const b of screen.buttons || []) row.appendChild(buttonEl(b));
      if (row.childNodes.length) log.appendChild(row);
      return;
    }
    choices.replaceChildren(...(screen.buttons || []).map(buttonEl));
    photoLabel.hidden = screen.expect !== "photo";
    input.placeholder = screen.placeholder || "여기에 적거나 위 버튼을 누르세요";
  }

  function show(data) {
    document.body.classList.toggle("easy", !!data.easy);
    document.documentElement.lang = data.lang || "ko";
    const screens = data.screens || [];
    screens.forEach((s, i) => draw(s, i === screens.length - 1));
    log.scrollTop = log.scrollHeight;
  }

  async function send(payload, echo) {
    if (busy) return;
    busy = true;
    if (echo) bubble("me", echo);
    try {
      const body = Object.assign({ session: await session(), id: newId() }, payload);
      let r;
      if (payload.photo) {
        const fd = new FormData();
        for (const [k, v] of Object.entries(body)) fd.append(k, v);
        r = await fetch("/api/web/message", { method: "POST", body: fd });
      } else {
        r = await fetch("/api/web/message", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
      }
      if (!r.ok) throw new Error(String(r.status));
      show(await r.json());
    } catch (e) {
      bubble("notice", "연결이 잠시 끊겼어요. 조금 뒤에 다시 눌러 주세요.");
    } finally {
      busy = false;
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text }, text);
  });

  photo.addEventListener("change", () => {
    const file = photo.files[0];
    photo.value = "";
    if (!file) return;
    if (file.size > MAX_PHOTO) {
      bubble("notice", "사진이 너무 커요. 10MB 이하의 사진을 보내 주세요.");
      return;
    }
    send({ photo: file }, "(사진)");
  });

  bigger.addEventListener("click", () => {
    const on = !document.documentElement.classList.contains("bigger");
    document.documentElement.classList.toggle("bigger", on);
    document.documentElement.style.fontSize = on ? "24px" : "";
    bigger.setAttribute("aria-pressed", String(on));
  });

  // Messages the bot sends on its own (notices, status changes) wait in the inbox:
  // fetch them every 15 seconds while the page is open and show them as notices.
  async function pollInbox() {
    if (busy || document.hidden || !localStorage.getItem("naechingu.session")) return;
    try {
      const r = await fetch("/api/web/inbox", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ session: await session() }),
      });
      if (!r.ok) return;
      const data = await r.json();
      for (const s of data.screens || []) draw(s, false, "notice"); // with their buttons
      if ((data.screens || []).length) log.scrollTop = log.scrollHeight;
    } catch (e) {
      /* offline for a moment: try again at the next tick */
    }
  }
  setInterval(pollInbox, window.NAECHINGU_INBOX_MS || 15000);

  send({ text: "" }, null);
})();
