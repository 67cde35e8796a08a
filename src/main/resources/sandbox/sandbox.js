// 3am sandbox: a small Slack client for the in-process workspace.
// Every piece of text reaches the DOM through textContent or text nodes; innerHTML is never used.
"use strict";

const POLL_MS = 1000;
// The page token: every POST under /sandbox must carry it, so no other web page can press these buttons.
const TOKEN = document.querySelector('meta[name="sandbox-token"]').getAttribute("content");
const ui = {
  as: localStorage.getItem("sandbox.as") || "",
  channel: localStorage.getItem("sandbox.channel") || "C0INCIDENTS",
  tab: "channel",              // "channel" or "home"
  expanded: new Set(),         // thread roots shown open
  state: null,
  lastJson: "",
  modalKey: "",
  picked: false,               // the person chose a channel: new threads elsewhere only mark it unread
  roots: null,                 // channel id -> root ts seen at the last refresh
  seen: new Map(),             // channel id -> messages counted when last looked at
};

// ---- DOM helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function toast(message, isError) {
  const box = document.getElementById("toast");
  box.textContent = message;
  box.className = isError ? "toast error" : "toast";
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, isError ? 8000 : 3000);
}

async function call(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Sandbox-Token": TOKEN },
    body: JSON.stringify(Object.assign({ as: ui.as }, body || {})),
  });
  let answer;
  try { answer = await response.json(); } catch (e) { answer = { ok: false, error: "HTTP " + response.status }; }
  if (!answer.ok) toast(answer.error || "The bot did not accept this (HTTP " + response.status + ")", true);
  setTimeout(refresh, 150);
  return answer;
}

function safeUrl(url) {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

// ---- mrkdwn ------------------------------------------------------------------------------------

function decodeEntities(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// Slack shows :shortcodes: as emoji: the ones 3am writes, and common ones people type. Unknown ones stay as typed.
const EMOJI = {
  rotating_light: "\u{1F6A8}", white_check_mark: "\u2705", x: "\u274C", warning: "\u26A0\uFE0F", test_tube: "\u{1F9EA}",
  stopwatch: "\u23F1\uFE0F", repeat: "\u{1F501}", pager: "\u{1F4DF}", information_source: "\u2139\uFE0F", trophy: "\u{1F3C6}",
  lock: "\u{1F512}", large_green_circle: "\u{1F7E2}", bulb: "\u{1F4A1}", memo: "\u{1F4DD}", fire: "\u{1F525}",
  eyes: "\u{1F440}", thumbsup: "\u{1F44D}", "+1": "\u{1F44D}", tada: "\u{1F389}", heavy_check_mark: "\u2714\uFE0F",
  red_circle: "\u{1F534}", large_yellow_circle: "\u{1F7E1}", hourglass: "\u231B", mag: "\u{1F50D}", link: "\u{1F517}",
  chart_with_upwards_trend: "\u{1F4C8}", bell: "\u{1F514}", no_bell: "\u{1F515}", zzz: "\u{1F4A4}", wave: "\u{1F44B}",
  robot_face: "\u{1F916}", rewind: "\u23EA", arrows_counterclockwise: "\u{1F504}", construction: "\u{1F6A7}",
};

function emojify(text) {
  return String(text).replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] || whole);
}

const MRKDWN = new RegExp([
  "```([\\s\\S]*?)```",                                                   // 1 code block
  "`([^`\\n]+)`",                                                         // 2 inline code
  "<([^<>\\n]+)>",                                                        // 3 link, mention
  "(?<![A-Za-z0-9*])\\*(?!\\s)([^*\\n]+?)(?<!\\s)\\*(?![A-Za-z0-9*])",    // 4 bold
  "(?<![A-Za-z0-9_])_(?!\\s)([^_\\n]+?)(?<!\\s)_(?![A-Za-z0-9_])",        // 5 italic
  "(?<![A-Za-z0-9~])~(?!\\s)([^~\\n]+?)(?<!\\s)~(?![A-Za-z0-9~])",        // 6 strike
  "(\\n)",                                                                // 7 line break
].join("|"), "g");

function mrkdwn(text) {
  const fragment = document.createDocumentFragment();
  const lines = String(text || "").split("\n");
  // Quote lines ("> …", written &gt; by Slack) become blockquotes; the rest is inline text.
  let buffer = [];
  const flush = () => {
    if (buffer.length) fragment.append(inline(buffer.join("\n")));
    buffer = [];
  };
  for (const line of lines) {
    const quote = line.match(/^(?:&gt;|>) ?(.*)$/);
    if (quote) {
      flush();
      fragment.append(el("blockquote", {}, inline(quote[1])));
    } else {
      buffer.push(line);
    }
  }
  flush();
  return fragment;
}

function inline(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  let match;
  const pattern = new RegExp(MRKDWN.source, "g");
  while ((match = pattern.exec(text)) !== null) {
    if (match.index > last) fragment.append(plain(text.slice(last, match.index)));
    if (match[1] !== undefined) fragment.append(el("pre", {}, decodeEntities(match[1])));
    else if (match[2] !== undefined) fragment.append(el("code", {}, decodeEntities(match[2])));
    else if (match[3] !== undefined) fragment.append(reference(match[3]));
    else if (match[4] !== undefined) fragment.append(el("b", {}, inline(match[4])));
    else if (match[5] !== undefined) fragment.append(el("i", {}, inline(match[5])));
    else if (match[6] !== undefined) fragment.append(el("s", {}, inline(match[6])));
    else if (match[7] !== undefined) fragment.append(el("br"));
    last = pattern.lastIndex;
  }
  if (last < text.length) fragment.append(plain(text.slice(last)));
  return fragment;
}

// Plain text as Slack shows it: entities decoded, shortcodes as emoji, bare web addresses as links.
function plain(text) {
  const fragment = document.createDocumentFragment();
  const decoded = decodeEntities(text);
  let last = 0;
  for (const found of decoded.matchAll(/https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g)) {
    if (found.index > last) fragment.append(emojify(decoded.slice(last, found.index)));
    fragment.append(reference(found[0].replace(/&/g, "&amp;")));
    last = found.index + found[0].length;
  }
  if (last < decoded.length) fragment.append(emojify(decoded.slice(last)));
  return fragment;
}

function reference(inner) {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : decodeEntities(inner.slice(bar + 1));
  const names = (ui.state && ui.state.names) || {};
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return el("span", { class: "mention" }, "@" + (names[id] || label || id));
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const channel = ((ui.state && ui.state.channels) || []).find(c => c.id === id);
    return el("span", { class: "mention" }, "#" + (label || (channel && channel.name) || id));
  }
  if (target.startsWith("!subteam^")) {
    return el("span", { class: "mention" }, label || "@" + target.slice("!subteam^".length));
  }
  if (target.startsWith("!date^")) return document.createTextNode(label || target);
  if (target.startsWith("!")) return el("span", { class: "mention" }, "@" + target.slice(1));
  const url = safeUrl(decodeEntities(target));
  if (!url) return document.createTextNode(label || decodeEntities(target));
  const local = sandboxLink(url, label);
  if (local) return local;
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label || url);
}

// Links into the sandbox workspace itself (a canvas, a message's permalink) open here, not on slack.com.
function sandboxLink(url, label) {
  const canvas = url.match(/^https:\/\/sandbox\.slack\.com\/docs\/T0SANDBOX\/(F[A-Z0-9]+)$/);
  const message = url.match(/^https:\/\/sandbox\.slack\.com\/archives\/([CGD][A-Z0-9]+)\/p(\d{10})(\d{6})$/);
  if (!canvas && !message) return null;
  const link = el("a", { href: "#", class: "sandbox-link" }, label || url);
  link.addEventListener("click", event => {
    event.preventDefault();
    if (canvas) showCanvas(canvas[1]);
    else {
      ui.tab = "channel";
      ui.channel = message[1];
      ui.picked = true;
      ui.expanded.add(message[2] + "." + message[3]);
      render(true);
    }
  });
  return link;
}

function showCanvas(id) {
  const canvas = ((ui.state && ui.state.canvases) || []).find(c => c.id === id);
  const root = document.getElementById("confirm-root");
  const close = el("button", { class: "btn", type: "button" }, "Close");
  close.addEventListener("click", () => clear(root));
  clear(root).append(el("div", { class: "overlay", role: "dialog", "aria-modal": "true" },
    el("div", { class: "dialog canvas-dialog" },
      el("div", { class: "dialog-title" }, canvas ? "Canvas · " + (canvas.title || id) : "Canvas " + id),
      el("div", { class: "dialog-body" }, canvas
        ? [el("div", { class: "hint" }, "Shared with " + (canvas.channels || []).map(c => "#" + channelName(c)).join(", ")),
           el("pre", { class: "canvas" }, canvas.markdown)]
        : "This canvas is not in the sandbox workspace."),
      el("div", { class: "dialog-footer" }, close))));
}

function channelName(id) {
  const channel = ((ui.state && ui.state.channels) || []).find(c => c.id === id);
  return channel ? channel.name : id;
}

function textObject(text) {
  if (!text) return document.createTextNode("");
  return text.type === "mrkdwn" ? mrkdwn(text.text) : document.createTextNode(emojify(text.text || ""));
}

// ---- Block Kit ---------------------------------------------------------------------------------

// where: {container: "message"|"ephemeral"|"view", channel, ts, view_id}
function renderBlocks(blocks, where) {
  const root = el("div", { class: "blocks" });
  for (const block of blocks || []) root.append(renderBlock(block, where));
  return root;
}

function renderBlock(block, where) {
  switch (block.type) {
    case "header":
      return el("div", { class: "block block-header" }, emojify((block.text && block.text.text) || ""));
    case "section": {
      const main = el("div", { class: "section-main" });
      if (block.text) main.append(el("div", { class: "text" }, textObject(block.text)));
      if (block.fields && block.fields.length) {
        main.append(el("div", { class: "fields" }, block.fields.map(field => el("div", {}, textObject(field)))));
      }
      const section = el("div", { class: "block section" }, main);
      if (block.accessory) section.append(renderElement(block.accessory, block.block_id, where));
      return section;
    }
    case "context":
      return el("div", { class: "block context" }, (block.elements || []).map(element =>
        element.type === "image" && safeUrl(element.image_url)
          ? el("img", { src: element.image_url, alt: element.alt_text || "" })
          : el("span", {}, textObject(element))));
    case "divider":
      return el("hr", { class: "divider" });
    case "actions":
      return el("div", { class: "block actions" },
        (block.elements || []).map(element => renderElement(element, block.block_id, where)));
    case "image":
      return safeUrl(block.image_url)
        ? el("div", { class: "block" }, el("img", { class: "block-image", src: block.image_url, alt: block.alt_text || "" }))
        : el("div", { class: "unsupported" }, "[image]");
    case "input":
      return renderInput(block);
    default:
      return el("div", { class: "block unsupported" }, "[" + block.type + " block: not shown in the sandbox]");
  }
}

function renderElement(element, blockId, where) {
  if (element.type === "image") {
    return safeUrl(element.image_url) ? el("img", { src: element.image_url, alt: element.alt_text || "", width: 64 }) : el("span");
  }
  if (element.type === "static_select") {
    return renderSelect(element, blockId, where);
  }
  if (element.type !== "button") {
    return el("span", { class: "unsupported" }, "[" + element.type + ": not shown in the sandbox]");
  }
  const style = element.style === "primary" ? " btn-primary" : element.style === "danger" ? " btn-danger" : "";
  const button = el("button", { class: "btn" + style, type: "button", "data-action-id": element.action_id },
    emojify((element.text && element.text.text) || ""));
  button.addEventListener("click", () => {
    const send = () => press(button, element, blockId, where);
    if (element.confirm) confirmDialog(element.confirm, send);
    else send();
  });
  return button;
}

// a static_select (the card's "Silence at the source"): choosing an option sends block_actions with it, after its confirm
function renderSelect(element, blockId, where) {
  const select = el("select", { class: "btn", "data-action-id": element.action_id },
    el("option", { value: "" }, (element.placeholder && element.placeholder.text) || "Choose…"),
    (element.options || []).map(option => el("option", { value: option.value }, (option.text && option.text.text) || option.value)));
  select.addEventListener("change", () => {
    const selected = select.value;
    if (!selected) return;
    const send = async () => {
      select.disabled = true;
      try {
        await call("/sandbox/actions", Object.assign({ block_id: blockId, action_id: element.action_id, selected: selected }, where));
      } finally {
        select.disabled = false;
        select.value = "";
      }
    };
    if (element.confirm) confirmDialog(element.confirm, send);
    else send();
  });
  return select;
}

async function press(button, element, blockId, where) {
  if (element.url && safeUrl(element.url)) window.open(element.url, "_blank", "noopener");
  button.disabled = true;
  try {
    await call("/sandbox/actions", Object.assign({ block_id: blockId, action_id: element.action_id }, where));
  } finally {
    button.disabled = false;
  }
}

function confirmDialog(confirm, onConfirm) {
  const root = document.getElementById("confirm-root");
  const close = () => clear(root);
  const danger = confirm.style === "danger";
  const yes = el("button", { class: "btn " + (danger ? "btn-danger" : "btn-primary"), type: "button" },
    (confirm.confirm && confirm.confirm.text) || "Yes");
  const no = el("button", { class: "btn", type: "button" }, (confirm.deny && confirm.deny.text) || "Cancel");
  yes.addEventListener("click", () => { close(); onConfirm(); });
  no.addEventListener("click", close);
  clear(root).append(el("div", { class: "overlay confirm", role: "dialog", "aria-modal": "true" },
    el("div", { class: "dialog" },
      el("div", { class: "dialog-title" }, (confirm.title && confirm.title.text) || "Are you sure?"),
      el("div", { class: "dialog-body" }, textObject(confirm.text)),
      el("div", { class: "dialog-footer" }, no, yes))));
  yes.focus();
}

// ---- modals ------------------------------------------------------------------------------------

function renderInput(block) {
  const element = block.element || {};
  const id = "in-" + block.block_id + "-" + element.action_id;
  const wrapper = el("div", { class: "input-block", "data-block-id": block.block_id });
  wrapper.append(el("label", { for: id }, (block.label && block.label.text) || "",
    block.optional ? el("span", { class: "optional" }, " (optional)") : null));
  if (element.type === "plain_text_input") {
    const field = element.multiline ? el("textarea", { id }) : el("input", { id, type: "text" });
    field.dataset.blockId = block.block_id;
    field.dataset.actionId = element.action_id;
    field.dataset.optional = block.optional ? "true" : "false";
    if (element.placeholder) field.placeholder = element.placeholder.text || "";
    if (element.initial_value) field.value = element.initial_value;
    if (element.max_length) field.maxLength = element.max_length;
    wrapper.append(field);
  } else if (element.type === "static_select") {
    const field = el("select", { id });
    field.dataset.blockId = block.block_id;
    field.dataset.actionId = element.action_id;
    field.dataset.optional = block.optional ? "true" : "false";
    if (!element.initial_option) field.append(el("option", { value: "" }, "Choose…"));
    for (const option of element.options || []) {
      field.append(el("option", { value: option.value }, emojify((option.text && option.text.text) || option.value)));
    }
    if (element.initial_option) field.value = element.initial_option.value;
    wrapper.append(field);
  } else {
    wrapper.append(el("div", { class: "unsupported" }, "[" + element.type + ": not supported in the sandbox]"));
  }
  if (block.hint) wrapper.append(el("div", { class: "hint" }, block.hint.text || ""));
  wrapper.append(el("div", { class: "error" }));
  return wrapper;
}

function renderModal() {
  const root = document.getElementById("modal-root");
  const modals = (ui.state && ui.state.modals) || [];
  const top = modals[modals.length - 1];
  const key = top ? top.id + ":" + top.hash : "";
  if (key === ui.modalKey) return;     // unchanged: keep what the person typed
  ui.modalKey = key;
  clear(root);
  if (!top) return;
  const where = { container: "view", view_id: top.id };
  const body = el("div", { class: "dialog-body" }, renderBlocks(top.blocks, where));
  const close = el("button", { class: "close", type: "button", "aria-label": "Close" }, "×");
  close.addEventListener("click", () => call("/sandbox/views/close", { view_id: top.id }));
  const cancel = el("button", { class: "btn", type: "button" }, (top.close && top.close.text) || "Cancel");
  cancel.addEventListener("click", () => call("/sandbox/views/close", { view_id: top.id }));
  const footer = el("div", { class: "dialog-footer" }, cancel);
  if (top.submit) {
    const submit = el("button", { class: "btn btn-primary", type: "button" }, top.submit.text || "Submit");
    submit.addEventListener("click", () => submitModal(top, body, submit));
    footer.append(submit);
  }
  root.append(el("div", { class: "overlay", role: "dialog", "aria-modal": "true" },
    el("div", { class: "dialog" },
      el("div", { class: "dialog-title" }, (top.title && top.title.text) || "", close), body, footer)));
}

async function submitModal(view, body, button) {
  const values = {};
  let missing = false;
  body.querySelectorAll(".input-block .error").forEach(node => { node.textContent = ""; });
  body.querySelectorAll("[data-action-id]").forEach(field => {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) return;
    const { blockId, actionId, optional } = field.dataset;
    if (!field.value.trim() && optional !== "true") {
      field.closest(".input-block").querySelector(".error").textContent = "Please complete this required field.";
      missing = true;
    }
    (values[blockId] = values[blockId] || {})[actionId] = field.value;
  });
  if (missing) return;
  button.disabled = true;
  try {
    const answer = await call("/sandbox/views/submit", { view_id: view.id, values });
    for (const [blockId, message] of Object.entries(answer.errors || {})) {
      const block = body.querySelector('.input-block[data-block-id="' + CSS.escape(blockId) + '"] .error');
      if (block) block.textContent = message;
      else toast(message, true);
    }
  } finally {
    button.disabled = false;
  }
}

// ---- messages ----------------------------------------------------------------------------------

function time(ts) {
  const date = new Date(parseFloat(ts) * 1000);
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function renderMessage(message, where, ephemeral) {
  const names = ui.state.names || {};
  const fromBot = !message.user || message.user === ui.state.bot_user_id;
  const author = names[message.user] || message.user || "3am";
  const body = el("div", { class: "message-body" },
    ephemeral ? el("div", { class: "only-you" }, "Only visible to you") : null,
    el("div", { class: "meta" },
      el("span", { class: "author" }, author),
      fromBot ? el("span", { class: "app-badge" }, "APP") : null,
      el("span", { class: "time", title: message.ts }, time(message.ts)),
      message.edited ? el("span", { class: "edited" }, "(edited)") : null,
      ephemeral ? null : messageMenu(message, where)));
  if (message.blocks && message.blocks.length) body.append(renderBlocks(message.blocks, where));
  else if (message.text || !message.files) body.append(el("div", { class: "text" }, mrkdwn(message.text || "")));
  for (const file of message.files || []) body.append(renderFile(file));
  return el("div", { class: "message" + (ephemeral ? " ephemeral" : ""), "data-ts": message.ts },
    el("div", { class: "avatar", "aria-hidden": "true" }, fromBot ? "3am" : author.slice(0, 2)), body);
}

// The "More actions" menu Slack shows on a message: the app's message shortcuts (manifest.yml), here "Declare AI incident".
function messageMenu(message, where) {
  const shortcuts = ui.state.shortcuts || [];
  if (!shortcuts.length) return null;
  const menu = el("span", { class: "message-menu" });
  const toggle = el("button", { class: "menu-toggle", type: "button", title: "More actions", "aria-label": "More actions" }, "⋯");
  const list = el("span", { class: "menu-items", hidden: true }, shortcuts.map(shortcut => {
    const item = el("button", { class: "btn menu-item", type: "button", "data-callback-id": shortcut.callback_id }, shortcut.name);
    item.addEventListener("click", () => {
      list.hidden = true;
      call("/sandbox/shortcut", { channel: where.channel, ts: message.ts, callback_id: shortcut.callback_id });
    });
    return item;
  }));
  toggle.addEventListener("click", () => { list.hidden = !list.hidden; });
  menu.append(toggle, list);
  return menu;
}

// A file the bot shared (a telemetry chart): images inline from the sandbox's own /sandbox/files/, never a foreign URL.
function renderFile(file) {
  const id = String(file.id || "");
  if (!/^F[A-Z0-9]+$/.test(id)) return el("div", { class: "unsupported" }, "[file]");
  if (file.mimetype !== "image/png") return el("div", { class: "file" }, "[file] " + (file.title || file.name || id));
  return el("figure", { class: "file" },
    el("img", { class: "file-image", src: "/sandbox/files/" + id, alt: file.alt_txt || file.title || "chart" }),
    el("figcaption", {}, file.title || file.name || id));
}

function renderChannel(channel) {
  const messages = clear(document.getElementById("messages"));
  document.getElementById("channel-header").textContent = channel.id.startsWith("D") ? channel.name : "# " + channel.name;
  const ephemerals = (ui.state.ephemerals || []).filter(e => e.channel === channel.id);
  const items = channel.messages.map(m => ({ ts: m.ts, root: m }))
    .concat(ephemerals.filter(e => !e.thread_ts || !channel.messages.some(m => m.ts === e.thread_ts))
      .map(e => ({ ts: e.ts, ephemeral: e })))
    .sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts));
  if (!items.length) {
    messages.append(el("div", { class: "empty" }, "No messages yet. Fire a sample incident, or post an alert to /alerts: "
      + "its thread goes to the runbook's channel (the page follows it there)."));
  }
  for (const item of items) {
    if (item.ephemeral) {
      messages.append(renderMessage(item.ephemeral, { container: "ephemeral", channel: channel.id, ts: item.ts }, true));
      continue;
    }
    const root = item.root;
    messages.append(renderMessage(root, { container: "message", channel: channel.id, ts: root.ts }, false));
    const threadEphemerals = ephemerals.filter(e => e.thread_ts === root.ts);
    const replies = (root.replies || []).map(r => ({ ts: r.ts, message: r }))
      .concat(threadEphemerals.map(e => ({ ts: e.ts, message: e, ephemeral: true })))
      .sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts));
    if (!replies.length) continue;
    const open = ui.expanded.has(root.ts);
    const toggle = el("button", { class: "thread-toggle", type: "button" },
      (open ? "▾ " : "▸ ") + replies.length + (replies.length === 1 ? " reply" : " replies")
        + (threadEphemerals.length ? " (" + threadEphemerals.length + " only visible to you)" : ""));
    toggle.addEventListener("click", () => {
      if (ui.expanded.has(root.ts)) ui.expanded.delete(root.ts); else ui.expanded.add(root.ts);
      render(true);
    });
    messages.append(el("div", { class: "thread-summary" }, toggle));
    if (open) {
      messages.append(el("div", { class: "thread" }, replies.map(reply => reply.ephemeral
        ? renderMessage(reply.message, { container: "ephemeral", channel: channel.id, ts: reply.ts }, true)
        : renderMessage(reply.message, { container: "message", channel: channel.id, ts: reply.ts }, false))));
    }
  }
}

function renderHome() {
  const messages = clear(document.getElementById("messages"));
  document.getElementById("channel-header").textContent = "3am · Home";
  const home = ui.state.home;
  if (!home) {
    messages.append(el("div", { class: "empty" }, "The bot has not published a Home tab for you yet."));
    return;
  }
  messages.append(el("div", { class: "home" }, renderBlocks(home.blocks, { container: "view", view_id: home.id })));
}

// How many messages (roots and replies) a channel holds: what "unread" counts against.
function messageCount(channel) {
  return channel.messages.reduce((sum, root) => sum + 1 + (root.replies || []).length, 0);
}

// A thread 3am opened in another channel (a runbook's) is followed, unless the person picked a channel themselves:
// after a curl to /alerts the page goes where the thread went. Other news marks its channel unread.
function followNewThreads() {
  const known = ui.roots;
  ui.roots = new Map(ui.state.channels.map(channel => [channel.id, channel.messages.map(m => m.ts)]));
  for (const channel of ui.state.channels) {
    if (ui.tab === "channel" && channel.id === ui.channel) ui.seen.set(channel.id, messageCount(channel));
    else if (!ui.seen.has(channel.id)) ui.seen.set(channel.id, known ? 0 : messageCount(channel));
  }
  if (!known || ui.picked) return;
  for (const channel of ui.state.channels) {
    const before = known.get(channel.id) || [];
    const fresh = channel.messages.filter(m => !before.includes(m.ts) && (!m.user || m.user === ui.state.bot_user_id));
    if (fresh.length && channel.id !== ui.channel) {
      ui.tab = "channel";
      ui.channel = channel.id;
      ui.expanded.add(fresh[fresh.length - 1].ts);
      ui.seen.set(channel.id, messageCount(channel));
      toast("New thread in #" + channel.name + " (the runbook's channel)");
      return;
    }
  }
}

function renderSidebar() {
  const list = clear(document.getElementById("channels"));
  for (const channel of ui.state.channels) {
    const active = ui.tab === "channel" && channel.id === ui.channel;
    const unread = active ? 0 : Math.max(0, messageCount(channel) - (ui.seen.get(channel.id) || 0));
    const link = el("button", { class: "channel-link" + (active ? " active" : "") + (unread ? " unread" : ""), type: "button",
      "data-channel-id": channel.id },
      (channel.id.startsWith("D") ? "" : "# ") + channel.name, unread ? el("span", { class: "badge" }, String(unread)) : null);
    link.addEventListener("click", () => {
      ui.tab = "channel";
      ui.channel = channel.id;
      ui.picked = true;
      localStorage.setItem("sandbox.channel", channel.id);
      render(true);
    });
    list.append(el("li", {}, link));
  }
  document.getElementById("home-link").classList.toggle("active", ui.tab === "home");
}

function renderPersonas() {
  const select = document.getElementById("persona");
  if (select.options.length !== ui.state.personas.length) {
    clear(select);
    for (const persona of ui.state.personas) select.append(el("option", { value: persona.id }, persona.name));
  }
  select.value = ui.state.me.id;
  document.getElementById("persona-role").textContent = ui.state.me.role;
}

function render(force) {
  if (!ui.state) return;
  renderPersonas();
  renderSidebar();
  const messages = document.getElementById("messages");
  const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
  const scroll = messages.scrollTop;
  if (ui.tab === "home") {
    renderHome();
  } else {
    const channel = ui.state.channels.find(c => c.id === ui.channel) || ui.state.channels[0];
    ui.channel = channel.id;
    renderChannel(channel);
  }
  messages.scrollTop = atBottom && !force ? messages.scrollHeight : scroll;
  renderModal();
}

async function refresh() {
  try {
    const response = await fetch("/sandbox/state?as=" + encodeURIComponent(ui.as));
    const text = await response.text();
    if (response.status === 400 && ui.as) {   // a persona remembered from another workspace
      ui.as = "";
      localStorage.removeItem("sandbox.as");
      return refresh();
    }
    if (!response.ok) {
      toast("Cannot read the sandbox state: " + text, true);
      return;
    }
    if (text === ui.lastJson) return;    // nothing changed: leave the page alone
    ui.lastJson = text;
    ui.state = JSON.parse(text);
    ui.as = ui.state.me.id;
    followNewThreads();
    render(false);
  } catch (error) {
    toast("The sandbox is not answering: " + error.message, true);
  }
}

// ---- wiring ------------------------------------------------------------------------------------

document.getElementById("persona").addEventListener("change", event => {
  ui.as = event.target.value;
  localStorage.setItem("sandbox.as", ui.as);
  ui.lastJson = "";
  ui.modalKey = "";
  if (ui.tab === "home") call("/sandbox/home");
  refresh();
});

document.getElementById("home-link").addEventListener("click", () => {
  ui.tab = "home";
  call("/sandbox/home");
  render(true);
});

document.getElementById("fire-sample").addEventListener("click", async event => {
  event.target.disabled = true;
  try {
    const answer = await call("/sandbox/sample");
    if (answer.ok) toast("Sample incident fired.");
  } finally {
    event.target.disabled = false;
  }
});

for (const button of document.querySelectorAll(".simulate-button")) {
  button.addEventListener("click", async event => {
    const target = event.currentTarget;
    target.disabled = true;
    try {
      const answer = await call("/sandbox/simulate", { signal: target.getAttribute("data-signal") });
      if (answer.ok) toast(answer.message);
    } finally {
      target.disabled = false;
    }
  });
}

document.getElementById("say-form").addEventListener("submit", async event => {
  event.preventDefault();
  const input = document.getElementById("say-text");
  const text = input.value.trim();
  if (!text) return;
  const answer = await call("/sandbox/say", { channel: ui.channel, text });
  if (answer.ok) input.value = "";
});

document.getElementById("command-form").addEventListener("submit", async event => {
  event.preventDefault();
  const input = document.getElementById("command-text");
  const text = input.value.trim();
  const answer = await call("/sandbox/command", { channel: ui.channel, command: "/ai-incident", text });
  if (answer.ok) input.value = "";
});

refresh();
setInterval(refresh, POLL_MS);
