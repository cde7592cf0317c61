// Render CSL-JSON items with citeproc-js, the reference CSL implementation.
// stdin: {"style": "/path/style.csl", "locales_dir": "/dir/with/locales-xx-XX.xml", "lang": "en-US",
//         "items": [...], "format": "text"|"html", "citations": true|false}
// stdout: {"bibliography": [{"id": ..., "entry": ...}], "citations": [{"id": ..., "text": ...}]}
"use strict";
const fs = require("fs");
const CSL = require("citeproc");
const jobSystem = require("./system");

const job = JSON.parse(fs.readFileSync(0, "utf8"));
const styleXml = fs.readFileSync(job.style, "utf8");
const sys = jobSystem(job);

const engine = new CSL.Engine(sys, styleXml, job.lang || "en-US", true);
engine.setOutputFormat(job.format === "html" ? "html" : "text");
engine.updateItems(job.items.map((it) => String(it.id)));

const out = { bibliography: [], citations: [] };
if (job.citations) {
  const texts = new Map();
  const pre = [];
  job.items.forEach((it, i) => {
    const citation = {
      citationID: `c${i}`,
      citationItems: [{ id: String(it.id) }],
      properties: { noteIndex: 0 },
    };
    const [, updates] = engine.processCitationCluster(citation, pre, []);
    for (const [, text, cid] of updates) texts.set(cid, text);
    pre.push([`c${i}`, 0]);
  });
  job.items.forEach((it, i) => out.citations.push({ id: String(it.id), text: texts.get(`c${i}`) }));
}
// An entry with no printed form is left out of the entries but not of entry_ids; in numeric update mode
// citeproc-js writes an error text in its place instead, which keeps the two lists aligned.
const mode = engine.opt.update_mode;
engine.opt.update_mode = CSL.NUMERIC;
const bib = engine.makeBibliography();
engine.opt.update_mode = mode;
if (bib) {
  const [params, entries] = bib;
  entries.forEach((entry, i) => {
    const text = entry.includes("[CSL STYLE ERROR: reference with no printed form.]") ? "" : entry.trim();
    out.bibliography.push({ id: String(params.entry_ids[i][0]), entry: text });
  });
}
process.stdout.write(JSON.stringify(out));
