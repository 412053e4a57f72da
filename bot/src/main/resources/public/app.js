// The web page: two forms over the JSON API. Vanilla JS, no build step; everything the server sends
// is escaped before it is shown (snippets and fixes contain user-visible Markdown, never raw HTML).
"use strict";

const SEVERITY_ORDER = ["BLOCKER", "PROBLEM", "WARNING", "INFO"];

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, c =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Snippets mark matched words as **word**; show them as <mark>.
function snippetHtml(snippet) {
  return escapeHtml(snippet).replace(/\*\*(.+?)\*\*/g, "<mark>$1</mark>");
}

// A small, safe Markdown subset for finding texts, line by line: fenced code (also indented inside
// list items), numbered and bulleted items kept at their indentation, headings, paragraphs.
function markdownHtml(md) {
  const out = [];
  let para = null;
  let code = null;
  let codeIndent = 0;
  const flush = () => { if (para) { out.push(blockHtml(para)); para = null; } };
  for (const raw of String(md ?? "").split("\n")) {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (code !== null) {
      if (line.startsWith("```")) { out.push(commandHtml(code.join("\n"), codeIndent)); code = null; }
      else code.push(raw.slice(Math.min(indent, codeIndent)));
      continue;
    }
    if (line.startsWith("```")) { flush(); code = []; codeIndent = indent; continue; }
    if (!line) { flush(); continue; }
    const item = line.match(/^(\d+\.|[-*])\s+(.*)$/);
    if (item) { flush(); para = { indent, marker: /\d/.test(item[1]) ? item[1] : "•", text: item[2] }; continue; }
    if (line.startsWith("#")) { flush(); out.push("<h4>" + inline(line.replace(/^#+\s*/, "")) + "</h4>"); continue; }
    if (para) para.text += " " + line;
    else para = { indent, marker: null, text: line };
  }
  if (code !== null) out.push(commandHtml(code.join("\n"), codeIndent));
  flush();
  return out.join("");
}

function blockHtml(p) {
  const style = p.indent ? ' style="margin-left:' + (p.indent * 0.6).toFixed(1) + 'em"' : "";
  return p.marker
    ? '<p class="li"' + style + '><span class="marker">' + escapeHtml(p.marker) + "</span> " + inline(p.text) + "</p>"
    : "<p" + style + ">" + inline(p.text) + "</p>";
}

function inline(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function commandHtml(command, indent) {
  const style = indent ? ' style="margin-left:' + (indent * 0.6).toFixed(1) + 'em"' : "";
  return '<pre class="cmd"' + style + '><code>' + escapeHtml(command) +
    '</code><button type="button" class="copy" aria-label="Copy command">Copy</button></pre>';
}

function citationHtml(c) {
  const where = [c.guideTitle].concat(c.headingPath || []).map(escapeHtml).join(" › ");
  return c.url ? '<a href="' + escapeHtml(c.url) + '">' + where + "</a>" : where;
}

function errorHtml(message) {
  return '<p class="error" role="alert">' + escapeHtml(message) + "</p>";
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

function findingHtml(f) {
  const evidence = (f.evidence || []).length
    ? "<p class=\"meta\">Evidence, quoted exactly:</p><pre><code>" + f.evidence.map(escapeHtml).join("\n") + "</code></pre>" : "";
  const cites = (f.citations || []).length
    ? '<p class="meta">Source: ' + f.citations.map(citationHtml).join("; ") + "</p>" : "";
  return '<article class="finding"><h3><span class="sev sev-' + escapeHtml(f.severity) + '">' +
    escapeHtml(f.severity) + "</span>" + escapeHtml(f.title) + '</h3><p class="meta">' + escapeHtml(f.id) +
    "</p>" + (f.detail ? "<p>" + escapeHtml(f.detail) + "</p>" : "") + evidence + markdownHtml(f.meaning) + "<h4>How to fix it</h4>" + markdownHtml(f.fix) + cites + "</article>";
}

function renderSearch(result) {
  const parts = [];
  if ((result.findings || []).length) {
    parts.push("<p class=\"meta\">Your question quotes a message the diagnosis knows:</p>" + result.findings.map(findingHtml).join(""));
  }
  if (!result.answered) {
    parts.push('<p class="notice">No good answer in the guides for “' + escapeHtml(result.query) +
      "”. Try other words, or paste the command output below for a diagnosis.</p>");
  }
  for (const hit of result.hits) {
    const correction = hit.correction
      ? '<p class="correction"><strong>Careful:</strong> ' + escapeHtml(hit.correction) + "</p>" : "";
    const also = (hit.alsoIn || []).length
      ? '<p class="meta">Also in: ' + hit.alsoIn.map(citationHtml).join("; ") + "</p>" : "";
    parts.push('<article class="hit"><h3>' + citationHtml({ guideTitle: hit.guide, headingPath: hit.headingPath, url: hit.url }) +
      '</h3><p class="meta">' + escapeHtml(hit.authority) + " · score " + Number(hit.score).toFixed(2) + "</p>" +
      correction + "<p>" + snippetHtml(hit.snippet) + "</p>" + (hit.commands || []).map(c => commandHtml(c)).join("") + also + "</article>");
  }
  return parts.join("");
}

function renderDiagnosis(d) {
  const findings = [...d.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const parts = (d.notices || []).map(n => '<p class="notice">' + escapeHtml(n) + "</p>");
  parts.push("<h3>Findings, worst first</h3>");
  parts.push(findings.length ? findings.map(findingHtml).join("") : '<p class="notice">No findings.</p>');
  if ((d.nextSteps || []).length) {
    parts.push("<h3>Next step</h3>");
    for (const s of d.nextSteps) {
      parts.push('<div class="step"><p>' + escapeHtml(s.why) + "</p>" + commandHtml(s.command) + "</div>");
    }
  }
  const recognised = (d.parts || []).map(p => "<li>lines " + p.firstLine + "–" + p.lastLine + ": " + escapeHtml(p.kind) +
    (p.notUnderstoodCount ? " (" + p.notUnderstoodCount + " lines not understood)" : "") + "</li>").join("");
  const notChecked = (d.notChecked || []).map(n => "<li>" + escapeHtml(n) + "</li>").join("");
  parts.push("<details><summary>What was recognised, and what this paste could not check</summary>" +
    "<ul>" + recognised + "</ul>" + (notChecked ? "<p>Not checked:</p><ul>" + notChecked + "</ul>" : "") + "</details>");
  return parts.join("");
}

document.getElementById("search-form").addEventListener("submit", async event => {
  event.preventDefault();
  const out = document.getElementById("search-results");
  const q = document.getElementById("q").value;
  history.replaceState(null, "", "?q=" + encodeURIComponent(q)); // the address bar is a link to this answer
  out.innerHTML = '<p class="notice">Searching…</p>';
  try {
    out.innerHTML = renderSearch(await callApi("api/search?limit=5&q=" + encodeURIComponent(q)));
  } catch (e) {
    out.innerHTML = errorHtml(e.message);
  }
});

document.getElementById("diagnose-form").addEventListener("submit", async event => {
  event.preventDefault();
  const out = document.getElementById("diagnose-results");
  const file = document.getElementById("file").files[0];
  const body = file || document.getElementById("paste").value;
  out.innerHTML = '<p class="notice">Reading…</p>';
  try {
    out.innerHTML = renderDiagnosis(await callApi("api/diagnose", {
      method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body }));
  } catch (e) {
    out.innerHTML = errorHtml(e.message);
  }
});

// Copy buttons on every command block (delegated: results are re-rendered on each answer).
document.addEventListener("click", async event => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const text = button.parentElement.querySelector("code").textContent;
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
