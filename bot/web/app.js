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

  let pendingSession = null;
  async function session() {
    const s = localStorage.getItem("naechingu.session");
    if (s) return s;
    if (!pendingSession) {  // one request, however many callers ask at once
      pendingSession = fetch("/api/web/session", { method: "POST" })
        .then((r) => r.json())
        .then((data) => {
          localStorage.setItem("naechingu.session", data.session);
          return data.session;
        })
        .finally(() => {
          pendingSession = null;
        });
    }
    return pendingSession;
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

  function drawCard(c) {
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

  // The last screen's buttons are the choices under the input; an earlier screen's (a
  // notification shown before the reply) stay with it, inline.
  function draw(screen, last = true, kind = "bot") {
    for (const n of screen.notices || []) bubble("notice", n);
    for (const c of screen.cards || []) drawCard(c);
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

  // Messages the bot sends on its own (notices, status changes, a neighbour's message) are
  // shown as they arrive: each as a notice bubble with its own buttons, below which the current
  // question's buttons stay as they were.
  function drawNotice(s) {
    const parts = [...(s.notices || []), s.text].filter(Boolean);
    if (!parts.length && !(s.buttons || []).length && !(s.cards || []).length) return;
    const div = bubble("notice", parts.join("\n"));
    if (s.image_url) {
      const img = document.createElement("img");
      img.src = s.image_url;
      img.alt = s.image_alt || "";
      div.appendChild(img);
    }
    for (const c of s.cards || []) drawCard(c);
    if ((s.buttons || []).length) {
      const row = document.createElement("div");
      row.className = "choices-inline notice-choices";
      for (const b of s.buttons) row.appendChild(buttonEl(b));
      log.appendChild(row);
    }
  }

  function showNotices(screens) {
    for (const s of screens || []) drawNotice(s);
    if ((screens || []).length) log.scrollTop = log.scrollHeight;
  }

  // The live stream: Server-Sent Events read with fetch (POST, so the session stays out of
  // URLs). While it is open nothing is polled; when it is unavailable the page asks its inbox
  // every 15 seconds and tries the stream again, waiting longer after each failure.
  let live = false;
  let retry = 1000;

  function onEvent(block) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (name === "inbox" && data.length) showNotices(JSON.parse(data.join("\n")).screens);
  }

  async function listen() {
    try {
      const r = await fetch("/api/web/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ session: await session() }),
        cache: "no-store",
      });
      const type = r.headers.get("Content-Type") || "";
      if (!r.ok || !r.body || !type.startsWith("text/event-stream")) throw new Error("no stream");
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!live) {
          live = true;
          retry = 1000;
        }
        buffer += value.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          try {
            onEvent(block);
          } catch (e) {
            /* a malformed event: skip it */
          }
        }
      }
    } catch (e) {
      /* no stream here (an old browser, a proxy, the server restarting): poll meanwhile */
    }
    live = false;
    setTimeout(listen, retry);
    retry = Math.min(retry * 2, 60000);
  }

  async function pollInbox() {
    if (live || busy || document.hidden || !localStorage.getItem("naechingu.session")) return;
    try {
      const r = await fetch("/api/web/inbox", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ session: await session() }),
      });
      if (!r.ok) return;
      showNotices((await r.json()).screens); // each with its buttons
    } catch (e) {
      /* offline for a moment: try again at the next tick */
    }
  }
  setInterval(pollInbox, window.NAECHINGU_INBOX_MS || 15000);

  send({ text: "" }, null).then(() => {
    if (window.NAECHINGU_LIVE !== false && window.ReadableStream && window.TextDecoderStream) {
      listen();
    }
  });
})();
