// The web page: two forms over the JSON API. Vanilla JS, no build step. Everything is built as DOM
// nodes and text (textContent, Text nodes): no server or user text ever goes through innerHTML, so a
// guide or paste containing markup shows as text. The page runs under a strict
// Content-Security-Policy (script and style from this origin only, no inline code or style
// attributes): indentation uses classes, not inline styles.
"use strict";

const SEVERITY_ORDER = ["BLOCKER", "PROBLEM", "WARNING", "INFO"];
const SEVERITY_WORDS = { BLOCKER: "Blocker", PROBLEM: "Problem", WARNING: "Warning", INFO: "Note" };
const AUTHORITY_WORDS = {
  OFFICIAL_ADMIN_GUIDE: "Official admin guide",
  OFFICIAL_WIKI: "Official wiki",
  COMMUNITY: "Community guide",
};
const PART_WORDS = {
  "kernel-iommu": "IOMMU start-up messages (dmesg)",
  "irq-remapping": "interrupt remapping messages (dmesg)",
  "kernel-log": "kernel log (dmesg / journalctl -k)",
  "vm-start-error": "VM start error (qm start)",
  "iommu-groups": "IOMMU groups",
  "pci-json": "PCI devices from pvesh (JSON)",
  "lspci-nnk": "device list with drivers (lspci -nnk)",
  "lspci-dev": "one device (lspci -nnk -s)",
  "lspci-vv": "device capabilities (lspci -vv)",
  "vfio-modules": "loaded vfio modules (lsmod)",
  "cmdline": "kernel command line (/proc/cmdline)",
  "modprobe-conf": "module options (/etc/modprobe.d)",
  "qm-config": "VM configuration (qm config)",
  "node-status": "node status (pvesh)",
  "version": "Proxmox VE versions (pveversion)",
  "cpu-flags": "CPU flags (/proc/cpuinfo)",
};
// A hit scoring at least this share of the best one is called a strong match.
const STRONG_SHARE = 0.75;

// Lines that go into a file rather than a shell: they get no "$" prompt.
const FILE_LINE = [
  /^[A-Z_][A-Z0-9_]*=/,                                          // GRUB_CMDLINE_LINUX_DEFAULT="..."
  /^(options|blacklist|softdep|install|alias)\s/,                // /etc/modprobe.d/*.conf
  /^[a-z][a-z0-9_-]*:\s/,                                        // qm config: hostpci0: 01:00.0
  /^(vfio[a-z0-9_]*|kvmgt)$/,                                   // /etc/modules
  /^(root|quiet|intel_iommu|amd_iommu|iommu|pcie_acs_override|video|initcall_blacklist)[=\s]/, // /etc/kernel/cmdline
];
const SHELL_FENCES = ["sh", "bash", "shell", "console", "zsh"];

function isFileLine(line) {
  return FILE_LINE.some(re => re.test(line.trim()));
}

// el("p", {class: "meta"}, "text", node, ...): children are nodes or plain text, never markup.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function guideName(title) {
  return String(title ?? "").replace(/\s*\(text dump\)$/, "");
}

// Snippets mark matched words as **word**; show them as <mark>.
function snippetNodes(snippet) {
  const parts = String(snippet ?? "").split(/\*\*(.+?)\*\*/);
  return parts.map((part, i) => (i % 2 ? el("mark", null, part) : part));
}

// `code`, **strong** and [text](https://...) inside a line of finding text.
function inline(text) {
  const out = [];
  const re = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(el("code", null, m[1]));
    else if (m[2] !== undefined) out.push(el("strong", null, m[2]));
    else out.push(el("a", { href: m[4] }, m[3]));
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function indentClass(indent) {
  const level = Math.min(4, Math.round(indent / 2));
  return level ? "indent-" + level : "";
}

// A small Markdown subset for finding texts, line by line: fenced code (also indented inside list
// items), numbered and bulleted items kept at their indentation, headings, paragraphs.
function markdown(md) {
  const out = document.createDocumentFragment();
  let para = null;
  let code = null;
  const flush = () => {
    if (!para) return;
    const p = el("p", { class: [para.marker ? "li" : "", indentClass(para.indent)].join(" ").trim() });
    if (para.marker) p.append(el("span", { class: "marker" }, para.marker), " ");
    p.append(...inline(para.text));
    out.append(p);
    para = null;
  };
  for (const raw of String(md ?? "").split("\n")) {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (code !== null) {
      if (line.startsWith("```")) { out.append(codeBlock(code.lines, code.lang, code.indent)); code = null; }
      else code.lines.push(raw.slice(Math.min(indent, code.indent)));
      continue;
    }
    if (line.startsWith("```")) { flush(); code = { lines: [], lang: line.slice(3).trim(), indent }; continue; }
    if (!line) { flush(); continue; }
    const item = line.match(/^(\d+\.|[-*])\s+(.*)$/);
    if (item) { flush(); para = { indent, marker: /\d/.test(item[1]) ? item[1] : "•", text: item[2] }; continue; }
    if (line.startsWith("#")) { flush(); out.append(el("h4", null, inline(line.replace(/^#+\s*/, "")))); continue; }
    if (para) para.text += " " + line;
    else para = { indent, marker: null, text: line };
  }
  if (code !== null) out.append(codeBlock(code.lines, code.lang, code.indent));
  flush();
  return out;
}

// A block to copy. Shell commands get a "$" prompt (drawn by CSS, so Copy leaves it out); lines that
// belong in a file (GRUB_CMDLINE_LINUX_DEFAULT=..., options vfio-pci ids=...) are labelled as such
// and get no prompt. A fence tagged sh/bash is shell; otherwise each line decides.
function codeBlock(lines, lang, indent) {
  const shellFence = SHELL_FENCES.includes(String(lang || "").toLowerCase());
  const file = !shellFence && lines.length > 0 && lines.every(l => !l.trim() || isFileLine(l));
  const code = el("code", null, lines.map(line => el("span", {
    class: "line" + (file || line.trim().startsWith("#") || !line.trim() ? "" : " prompt"),
  }, line)));
  const block = el("div", { class: ["block", file ? "file" : "shell", indentClass(indent || 0)].join(" ").trim() });
  if (file) block.append(el("p", { class: "block-label" }, "In a file (not a command):"));
  block.append(el("pre", null, code,
    el("button", { type: "button", class: "copy", "aria-label": file ? "Copy these lines" : "Copy command" }, "Copy")));
  return block;
}

function citation(c) {
  const where = [guideName(c.guideTitle)].concat(c.headingPath || []).join(" › ");
  return /^https?:\/\//.test(c.url || "") ? el("a", { href: c.url }, where) : document.createTextNode(where);
}

function joined(nodes, separator) {
  return nodes.flatMap((node, i) => (i ? [separator, node] : [node]));
}

function errorBox(message) {
  return el("p", { class: "error", role: "alert" }, message);
}

async function callApi(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    throw new Error("The service did not answer. Is it running?");
  }
  let body;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : "The service answered " + response.status + ".");
  }
  return body;
}

function finding(f) {
  const article = el("article", { class: "finding" },
    el("h3", null, el("span", { class: "sev sev-" + String(f.severity).toLowerCase() }, SEVERITY_WORDS[f.severity] || f.severity), f.title),
    el("p", { class: "meta" }, "Finding id: ", el("code", null, f.id)));
  if (f.detail) article.append(el("p", null, f.detail));
  if ((f.evidence || []).length) {
    article.append(el("p", { class: "meta" }, "Evidence, quoted exactly from your paste:"),
      el("pre", { class: "evidence" }, el("code", null, f.evidence.join("\n"))));
  }
  article.append(markdown(f.meaning), el("h4", null, "How to fix it"), markdown(f.fix));
  if ((f.citations || []).length) {
    article.append(el("p", { class: "meta" }, "Source: ", joined(f.citations.map(citation), "; ")));
  }
  return article;
}

function hit(h, best) {
  const strong = best > 0 && h.score >= best * STRONG_SHARE;
  const article = el("article", { class: "hit" },
    el("h3", null, citation({ guideTitle: h.guide, headingPath: h.headingPath, url: h.url })),
    el("p", { class: "meta" }, (AUTHORITY_WORDS[h.authority] || "Guide") + " · " + (strong ? "strong match" : "weaker match")));
  if (h.correction) article.append(el("p", { class: "correction" }, el("strong", null, "Careful: "), h.correction));
  const snippet = el("p", { class: "snippet" }, snippetNodes(h.snippet));
  // A snippet that stops at "...obtained by:" introduces what follows in the guide: say so.
  if (/:\s*$/.test(h.snippet || "")) {
    snippet.append(" … ", /^https?:\/\//.test(h.url || "") ? el("a", { href: h.url }, "read on in the guide") : "");
  }
  article.append(snippet);
  for (const c of h.commands || []) article.append(codeBlock([c], "", 0));
  // The same section from another copy of the same page (the wiki and its text dump) is one guide.
  const seen = new Set([h.url]);
  const also = (h.alsoIn || []).filter(c => { const fresh = !seen.has(c.url); seen.add(c.url); return fresh; });
  if (also.length) article.append(el("p", { class: "meta" }, "Also in: ", joined(also.map(citation), "; ")));
  return article;
}

function renderSearch(result) {
  const out = document.createDocumentFragment();
  if ((result.findings || []).length) {
    out.append(el("p", { class: "meta" }, "Your question quotes a message the diagnosis knows:"), result.findings.map(finding));
  }
  if (!result.answered) {
    out.append(el("p", { class: "notice" }, "No good answer in the guides for “" + result.query +
      "”. Try other words, or paste the command output below for a diagnosis."));
  }
  if (result.match === "closest" && result.hits.length) {
    out.append(el("p", { class: "notice" }, "No section answers this squarely. The closest sections in the guides:"));
  }
  const best = Math.max(0, ...result.hits.map(h => h.score));
  out.append(...result.hits.map(h => hit(h, best)));
  return out;
}

function renderDiagnosis(d) {
  const out = document.createDocumentFragment();
  const findings = [...d.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  out.append(...(d.notices || []).map(n => el("p", { class: "notice" }, n)));
  out.append(el("h3", null, "Findings, worst first"));
  out.append(...(findings.length ? findings.map(finding) : [el("p", { class: "notice" }, "No findings.")]));
  if ((d.nextSteps || []).length) {
    out.append(el("h3", null, "Next step"));
    for (const s of d.nextSteps) out.append(el("div", { class: "step" }, el("p", null, s.why), codeBlock([s.command], "sh", 0)));
  }
  const recognised = (d.parts || []).map(p => el("li", null, "lines " + p.firstLine + "–" + p.lastLine + ": " +
    (PART_WORDS[p.kind] || String(p.kind).replace(/-/g, " ")) +
    (p.notUnderstoodCount ? " (" + p.notUnderstoodCount + " lines not understood)" : "")));
  const details = el("details", null, el("summary", null, "What was recognised, and what this paste could not check"),
    el("ul", null, recognised));
  if ((d.notChecked || []).length) details.append(el("p", null, "Not checked:"), el("ul", null, d.notChecked.map(n => el("li", null, n))));
  out.append(details);
  return out;
}

function show(out, content) {
  out.replaceChildren(content);
}

document.getElementById("search-form").addEventListener("submit", async event => {
  event.preventDefault();
  const out = document.getElementById("search-results");
  const q = document.getElementById("q").value;
  history.replaceState(null, "", "?q=" + encodeURIComponent(q)); // the address bar is a link to this answer
  show(out, el("p", { class: "notice" }, "Searching…"));
  try {
    show(out, renderSearch(await callApi("api/search?limit=5&q=" + encodeURIComponent(q))));
  } catch (e) {
    show(out, errorBox(e.message));
  }
});

document.getElementById("diagnose-form").addEventListener("submit", async event => {
  event.preventDefault();
  const out = document.getElementById("diagnose-results");
  const file = document.getElementById("file").files[0];
  const body = file || document.getElementById("paste").value;
  show(out, el("p", { class: "notice" }, "Reading…"));
  try {
    show(out, renderDiagnosis(await callApi("api/diagnose", {
      method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body })));
  } catch (e) {
    show(out, errorBox(e.message));
  }
});

// Copy buttons on every block (delegated: results are re-rendered on each answer). The "$" prompt is
// CSS, so the copied text is the command alone, one line per line.
document.addEventListener("click", async event => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const text = [...button.parentElement.querySelectorAll("code .line")].map(l => l.textContent).join("\n");
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch (e) {
    button.textContent = "Select and copy";
  }
  setTimeout(() => { button.textContent = "Copy"; }, 1500);
});

// A link such as /?q=vfio-pci+ids opens with that question answered.
const linked = new URLSearchParams(location.search).get("q");
if (linked) {
  document.getElementById("q").value = linked;
  document.getElementById("search-form").requestSubmit();
}
