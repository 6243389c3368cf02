// How the web chat draws the bot's screens, for eyes and for screen readers alike:
// - the conversation is a role="log" (read out politely); every bubble starts with its speaker
//   ("내친구:", "나:"), visually hidden;
// - each screen reads in order: notices, its text (the question), its cards (each a heading
//   first, then its lines and buttons); the last screen's buttons go in their own scrolling area
//   under the conversation, so the question stays in view however many buttons there are;
// - after an answer the question is scrolled into view and, when the person acted (a tap, a
//   photo), focused, so focus never drops to the page;
// - 글자 크게 / 글자 작게: four steps, in normal and in 쉬운 모드 alike, kept in localStorage;
// - the page's own words come in the reader's language (bot/channels/webwords.py): embedded
//   in the page as JSON, and again whenever the bot starts answering in another language.
window.NaechinguView = (function () {
  "use strict";
  const root = document.documentElement;
  const log = document.getElementById("log");
  const choices = document.getElementById("choices");
  const input = document.getElementById("text");
  const photoButton = document.getElementById("photo-button");
  const smaller = document.getElementById("smaller");
  const bigger = document.getElementById("bigger");
  const sizeStatus = document.getElementById("size-status");
  const SPEAKER = { bot: "내친구: ", me: "나: ", notice: "내친구 알림: " };
  let placeholder = input.placeholder;
  let words = {};
  const SIZE_KEY = "naechingu.textSize";
  const EASY_KEY = "naechingu.easy";
  const MAX_STEP = 3;
  const view = { onTap: null };
  let question = null; // the current question's bubble
  let turnStart = null; // the first element drawn for the latest answer

  function bubble(kind, text) {
    const div = document.createElement("div");
    div.className = "bubble " + kind;
    const who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = SPEAKER[kind] || SPEAKER.bot;
    div.append(who, text || "");
    log.appendChild(div);
    return div;
  }

  function image(parent, url, alt) {
    const img = document.createElement("img");
    img.src = url;
    img.alt = alt || "";
    img.addEventListener("load", () => question && reveal());
    parent.appendChild(img);
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
    el.addEventListener("click", () => view.onTap && view.onTap(b));
    return el;
  }

  function buttonRow(buttons, parent, cls) {
    if (!(buttons || []).length) return;
    const row = document.createElement("div");
    row.className = "choices-inline" + (cls ? " " + cls : "");
    for (const b of buttons) row.appendChild(buttonEl(b));
    parent.appendChild(row);
  }

  // A card: its title as a heading, then its lines, picture and buttons.
  function drawCard(c) {
    const card = document.createElement("div");
    card.className = "card";
    const h = document.createElement("h2");
    h.textContent = c.title;
    card.appendChild(h);
    for (const line of c.lines || []) {
      const p = document.createElement("p");
      p.textContent = line;
      card.appendChild(p);
    }
    if (c.image_url) image(card, c.image_url, c.title);
    buttonRow(c.buttons, card);
    log.appendChild(card);
  }

  // One screen of an answer; the last one's buttons are the choices under the conversation,
  // an earlier one's (a notification shown before the reply) stay with it.
  function drawScreen(screen, last) {
    const first = log.childElementCount;
    for (const n of screen.notices || []) bubble("notice", n);
    const main = bubble("bot", screen.text);
    if (screen.image_url) image(main, screen.image_url, screen.image_alt);
    for (const c of screen.cards || []) drawCard(c);
    if (!turnStart) turnStart = log.children[first];
    if (!last) {
      buttonRow(screen.buttons, log, "notice-choices");
      return;
    }
    choices.replaceChildren(...(screen.buttons || []).map(buttonEl));
    choices.scrollTop = 0;
    photoButton.hidden = screen.expect !== "photo";
    input.placeholder = screen.placeholder || placeholder;
    question = main;
  }

  // Scroll the conversation so the latest answer shows from its start, or from the question
  // when the whole answer does not fit.
  function reveal() {
    if (!question) return;
    const base = log.getBoundingClientRect().top - log.scrollTop;
    const start = turnStart || question;
    const top = start.getBoundingClientRect().top - base;
    const qTop = question.getBoundingClientRect().top - base;
    const qBottom = question.getBoundingClientRect().bottom - base;
    const anchor = qBottom - top + 24 <= log.clientHeight ? top : qTop;
    log.scrollTop = Math.min(anchor - 12, log.scrollHeight - log.clientHeight);
  }

  // Draw an answer (one or more screens). `focus`: the person acted, so the question takes focus.
  view.answer = function (screens, focus) {
    turnStart = null;
    screens.forEach((s, i) => drawScreen(s, i === screens.length - 1));
    if (!screens.length) return;
    reveal();
    if (focus && question) {
      question.tabIndex = -1;
      question.focus({ preventScroll: true });
    }
  };

  // Something the bot sent on its own: shown where it arrives, without taking focus.
  view.notice = function (s) {
    const parts = [...(s.notices || []), s.text].filter(Boolean);
    if (!parts.length && !(s.buttons || []).length && !(s.cards || []).length) return;
    const div = bubble("notice", parts.join("\n"));
    if (s.image_url) image(div, s.image_url, s.image_alt);
    for (const c of s.cards || []) drawCard(c);
    buttonRow(s.buttons, log, "notice-choices");
    div.scrollIntoView({ block: "nearest" });
  };

  view.mine = function (text) {
    bubble("me", text);
    log.scrollTop = log.scrollHeight;
  };

  view.problem = function (text) {
    bubble("notice", text).scrollIntoView({ block: "nearest" });
  };

  // The page's own words (keys of bot/channels/webwords.py); a missing key keeps the Korean.
  view.setWords = function (given) {
    words = given || {};
    for (const el of document.querySelectorAll("[data-w]")) {
      if (words[el.dataset.w]) el.textContent = words[el.dataset.w];
    }
    for (const el of document.querySelectorAll("[data-w-label]")) {
      if (words[el.dataset.wLabel]) el.setAttribute("aria-label", words[el.dataset.wLabel]);
    }
    if (words.placeholder) {
      if (input.placeholder === placeholder) input.placeholder = words.placeholder;
      placeholder = words.placeholder;
    }
    for (const kind of ["bot", "me", "notice"]) {
      if (words[kind]) SPEAKER[kind] = words[kind] + ": ";
    }
  };
  view.word = (key, fallback) => words[key] || fallback;
  const embedded = document.getElementById("words");
  if (embedded) {
    try {
      view.setWords(JSON.parse(embedded.textContent));
    } catch (e) {
      // the Korean of the page stays
    }
  }

  view.setEasy = function (on) {
    root.classList.toggle("easy", on);
    localStorage.setItem(EASY_KEY, on ? "1" : "0");
  };

  function setStep(step, announce) {
    step = Math.max(0, Math.min(MAX_STEP, step));
    if (step) root.dataset.size = String(step);
    else delete root.dataset.size;
    localStorage.setItem(SIZE_KEY, String(step));
    smaller.setAttribute("aria-disabled", String(step === 0));
    bigger.setAttribute("aria-disabled", String(step === MAX_STEP));
    if (announce) {
      const said = words.size_status || "글자 크기 {step}단계 ({steps}단계 중)";
      sizeStatus.textContent = said.replace("{step}", step + 1).replace("{steps}", MAX_STEP + 1);
    }
    reveal();
  }
  const current = () => Number(root.dataset.size || 0);
  smaller.addEventListener("click", () => setStep(current() - 1, true));
  bigger.addEventListener("click", () => setStep(current() + 1, true));
  window.addEventListener("resize", reveal);

  root.classList.toggle("easy", localStorage.getItem(EASY_KEY) === "1");
  setStep(parseInt(localStorage.getItem(SIZE_KEY), 10) || 0, false);
  return view;
})();
