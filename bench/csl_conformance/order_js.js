// Bibliography order of many documents with citeproc-js, for the order differential test (order_fuzz.py).
// stdin: {"style": path, "locales_dir": dir, "lang": "en-US", "items": [...], "documents": [[id, ...], ...],
//         "citations": false}
// stdout: [{"order": [id, ...], "printed": [id, ...], "keys": {id: [key, ...]}}, ...] per document: the order of
// makeBibliography (entries with no printed form left out of "printed"), citeproc-js's own sort keys.
// Like render.js: each document's items registered in its order (and, with "citations", cited once each in turn).
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, "..", "citeproc_js", "node_modules", "citeproc"));
const jobSystem = require(path.join(__dirname, "..", "citeproc_js", "system"));

const job = JSON.parse(fs.readFileSync(0, "utf8"));
const styleXml = fs.readFileSync(job.style, "utf8");
const sys = jobSystem(job);

const out = [];
for (const ids of job.documents) {
  const engine = new CSL.Engine(sys, styleXml, job.lang || "en-US", true);
  engine.setOutputFormat("text");
  engine.updateItems(ids.map(String));
  if (job.citations) {
    const pre = [];
    ids.forEach((id, i) => {
      const citation = { citationID: `c${i}`, citationItems: [{ id: String(id) }], properties: { noteIndex: 0 } };
      engine.processCitationCluster(citation, pre, []);
      pre.push([`c${i}`, 0]);
    });
  }
  engine.opt.update_mode = CSL.NUMERIC;
  const bib = engine.makeBibliography();
  const doc = { order: [], printed: [], keys: {} };
  if (bib) {
    const [params, entries] = bib;
    entries.forEach((entry, i) => {
      const id = String(params.entry_ids[i][0]);
      doc.order.push(id);
      if (!entry.includes("[CSL STYLE ERROR: reference with no printed form.]") && entry.trim()) doc.printed.push(id);
      doc.keys[id] = engine.registry.registry[id].sortkeys;
    });
  }
  out.push(doc);
}
process.stdout.write(JSON.stringify(out));
