// The web chat page: sends what the person types or taps to /api/web/message and hands the
// bot's screens to view.js, which draws them. No framework, no build step.
(function () {
  "use strict";
  const view = window.NaechinguView;
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const photo = document.getElementById("photo");
  const photoButton = document.getElementById("photo-button");
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

  function show(data, focus) {
    view.setEasy(!!data.easy);
    const lang = data.lang || "ko";
    if (lang !== document.documentElement.lang) {
      document.documentElement.lang = lang;
      fetch("/api/web/words?lang=" + encodeURIComponent(lang))
        .then((r) => (r.ok ? r.json() : null))
        .then((w) => w && view.setWords(w))
        .catch(() => {});
    }
    view.answer(data.screens || [], focus);
  }

  // `echo`: what to show as the person's bubble. A tap or a photo moves focus to the answer
  // (the tapped button is gone); after typing, focus stays in the text box.
  async function send(payload, echo) {
    if (busy) return;
    busy = true;
    if (echo) view.mine(echo);
    const typed = payload.text !== undefined;
    try {
      const lang = navigator.language || "";
      const body = Object.assign({ session: await session(), id: newId(), lang }, payload);
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
      show(await r.json(), Boolean(echo) && !(typed && document.activeElement === input));
    } catch (e) {
      view.problem(view.word("offline", "연결이 잠시 끊겼어요. 조금 뒤에 다시 눌러 주세요."));
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
      view.problem(view.word("photo_too_big", "사진이 너무 커요. 10MB 이하의 사진을 보내 주세요."));
      return;
    }
    send({ photo: file }, view.word("photo_echo", "(사진)"));
  });

  photoButton.addEventListener("click", () => photo.click());
  view.onTap = (b) => send({ token: b.token }, b.label);

  // Messages the bot sends on its own (notices, status changes, a neighbour's message) are
  // shown as they arrive: each as a notice bubble with its own buttons, below which the current
  // question's buttons stay as they were.
  function showNotices(screens) {
    for (const s of screens || []) view.notice(s);
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
