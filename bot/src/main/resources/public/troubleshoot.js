// The "Troubleshoot" view: the guided conversation over /api/conversations. Everything the server
// sends is put on the page with textContent (never as HTML), so pasted output cannot run script.
// The conversation's id is kept in the address (#t=<id>): reloading the page resumes it.
"use strict";

(() => {
  const root = document.getElementById("troubleshoot");
  if (!root) return;

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
    }
    return node;
  };

  async function api(path, method, body) {
    let response;
    try {
      response = await fetch("api/conversations" + path, {
        method: method || "GET",
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error("The service did not answer. Is it running?");
    }
    if (response.status === 204) return null;
    let json = null;
    try { json = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) throw new Error(json && json.error ? json.error : "The service answered " + response.status + ".");
    return json;
  }

  const startForm = root.querySelector("#ts-start");
  const out = root.querySelector("#ts-step");
  let current = null;

  function show(view) {
    current = view;
    if (view && view.id) history.replaceState(null, "", "#t=" + view.id);
    out.replaceChildren(render(view));
    const focus = out.querySelector("textarea, button.primary");
    if (focus) focus.focus();
  }

  function fail(message) {
    out.prepend(el("p", { class: "error", role: "alert" }, message));
  }

  async function act(path, body) {
    try {
      show(await api("/" + current.id + path, "POST", body));
    } catch (e) {
      fail(e.message);
    }
  }

  function render(v) {
    const box = el("div", { class: "ts-step" });
    const title = v.status === "done" ? "Summary" : v.status === "blocked" ? "Fix this first" : "Step " + v.step;
    box.append(el("h3", {}, title));
    if (v.expired) {
      box.append(el("p", { class: "notice" }, "This conversation expired after a day without an answer."),
        el("button", { type: "button", class: "primary", onclick: () => act("/resume") }, "Resume"));
      return box;
    }
    if (v.stopped) {
      box.append(el("p", { class: "notice" }, "Stopped."),
        el("button", { type: "button", onclick: () => act("/resume") }, "Resume"));
      return box;
    }
    for (const n of v.notices || []) box.append(el("p", { class: "notice" }, n));
    if (v.ask && v.ask.type === "probe") box.append(probeAsk(v));
    if (v.ask && v.ask.type === "choice") box.append(choiceAsk(v));
    if (!v.ask) {
      box.append(el("p", {}, v.findings.some(f => f.severity !== "INFO")
        ? "Every check you could run is done; the findings below, worst first, are what the paste shows."
        : "Every check you could run is done, and nothing in what you pasted is wrong. That is not proof of health: see what was not checked."));
    }
    box.append(known(v));
    if (v.findings.length) {
      box.append(el("h4", {}, v.ask && v.status === "asking" ? "Findings so far" : "Findings"));
      for (const f of v.findings) box.append(finding(f, v.status !== "asking"));
    }
    const open = (v.gaps || []).map(g => "could not run: " + g)
      .concat(v.status === "done" ? (v.notChecked || []).map(n => "not checked: " + n) : []);
    if (open.length) box.append(el("h4", {}, "Open"), el("ul", {}, open.map(o => el("li", {}, o))));
    box.append(controls(v));
    return box;
  }

  function probeAsk(v) {
    const a = v.ask;
    const text = el("textarea", { id: "ts-paste", rows: "10", spellcheck: "false",
      "aria-label": "Output of " + a.command });
    return el("form", { class: "ts-ask", onsubmit: e => {
        e.preventDefault();
        act("/answers", { step: v.step, probe: a.probe, text: text.value, afterFix: a.afterFix });
      } },
      el("p", {}, el("strong", {}, "Next: " + a.checks)),
      el("p", {}, a.afterFix
        ? "Apply the fix below (reboot if it says so), then run this again and paste what it prints:"
        : "Run this on the Proxmox host and paste what it prints:"),
      el("pre", { class: "block shell cmd" }, el("code", {}, el("span", { class: "line" }, a.command)),
        el("button", { type: "button", class: "copy", "aria-label": "Copy command" }, "Copy")),
      el("p", { class: "meta" }, a.why),
      text,
      el("div", { class: "row" },
        el("button", { type: "submit", class: "primary" }, "Send output"),
        el("button", { type: "button", onclick: () => act("/answers", { step: v.step, cannot: a.probe }) },
          "I can't run this")));
  }

  function choiceAsk(v) {
    const name = "ts-choice-" + v.ask.choice;
    const options = v.ask.options.map((o, i) => el("label", { class: "radio" },
      el("input", Object.assign({ type: "radio", name, value: o.value }, i === 0 ? { required: "" } : {})), " " + o.label));
    return el("form", { class: "ts-ask", onsubmit: e => {
        e.preventDefault();
        const picked = e.target.querySelector("input[name='" + name + "']:checked");
        act("/answers", { step: v.step, choice: v.ask.choice, value: picked.value });
      } },
      el("fieldset", {}, el("legend", {}, v.ask.prompt), options),
      el("button", { type: "submit", class: "primary" }, "Next"));
  }

  function known(v) {
    const facts = Object.entries(v.host || {});
    if (!facts.length && !(v.devices || []).length) return el("span");
    const rows = (v.devices || []).slice(0, 12).map(d => el("tr", {},
      el("td", {}, el("code", {}, d.address)), el("td", {}, d.vendorDevice || ""), el("td", {}, d.description || ""),
      el("td", {}, d.iommuGroup ?? ""), el("td", {}, d.driverInUse || ""), el("td", {}, (d.wantedBy || []).join(", "))));
    return el("details", { class: "ts-known", open: "" }, el("summary", {}, "Known so far"),
      facts.length ? el("p", { class: "meta" }, facts.map(([k, val]) => k + ": " + val).join(" · ")) : null,
      rows.length ? el("div", { class: "table-wrap" }, el("table", {},
        el("thead", {}, el("tr", {}, ["device", "ids", "what", "group", "driver", "VM"].map(h => el("th", {}, h)))),
        el("tbody", {}, rows))) : null);
  }

  function finding(f, full) {
    const box = el("article", { class: "finding" },
      el("h3", {}, el("span", { class: "sev sev-" + f.severity }, f.severity), f.title),
      el("p", { class: "meta" }, f.id));
    if (f.detail) box.append(el("p", {}, f.detail));
    if ((f.evidence || []).length) box.append(el("pre", {}, el("code", {}, f.evidence.join("\n"))));
    if (full && f.fix) box.append(el("h4", {}, "How to fix it"), el("div", { class: "fix" }, f.fix));
    for (const c of f.citations || []) {
      const where = [c.guideTitle].concat(c.headingPath || []).join(" › ");
      const safe = /^https?:\/\//.test(c.url || "");
      box.append(el("p", { class: "meta" }, "Source: ", safe ? el("a", { href: c.url }, where) : where));
    }
    return box;
  }

  function controls(v) {
    const row = el("div", { class: "row ts-controls" });
    if (v.step > 1) {
      row.append(el("button", { type: "button", onclick: () => act("/back", { step: v.step }) }, "Back"),
        el("button", { type: "button", onclick: () => act("/restart") }, "Start over"));
    }
    if (v.status !== "done") row.append(el("button", { type: "button", onclick: () => act("/stop") }, "Stop"));
    row.append(el("button", { type: "button", onclick: share }, "Share a scrubbed report"));
    return row;
  }

  async function share() {
    try {
      const shared = await api("/" + current.id + "/share", "POST", {});
      out.append(el("p", { class: "notice" }, "Report (serials, MACs, UUIDs, host names masked): ",
        el("a", { href: shared.url.replace(/^\//, ""), id: "ts-report" }, location.origin + shared.url)));
    } catch (e) {
      fail(e.message);
    }
  }

  startForm.addEventListener("submit", async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(startForm));
    for (const k of Object.keys(data)) if (!data[k]) delete data[k];
    try {
      show(await api("", "POST", data));
    } catch (err) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, err.message));
    }
  });

  // "Walk me through it" beside Diagnose: the same paste starts a conversation here.
  const walk = document.getElementById("diagnose-walk");
  if (walk) {
    walk.addEventListener("click", async () => {
      const paste = document.getElementById("paste").value;
      try {
        show(await api("", "POST", paste.trim() ? { paste } : {}));
      } catch (err) {
        out.replaceChildren(el("p", { class: "error", role: "alert" }, err.message));
      }
      root.scrollIntoView();
    });
  }

  const resumed = /^#t=([0-9a-f-]{36})$/.exec(location.hash);
  if (resumed) {
    api("/" + resumed[1]).then(show, err => out.replaceChildren(el("p", { class: "error" }, err.message)));
  }
})();
