// citeproc-js's comparison of sort keys, for the collation differential test (collation_fuzz.py).
// One JSON request per stdin line, one JSON answer per stdout line (a long-running process):
//   {"locale": "de-DE", "pairs": [[a, b], ...]}  -> [sign, ...]   texts compared as two sort keys of cs:key
//   {"locale": "de-DE", "directions": [1, -1, ...], "rows": [[key or null, ...], ...]} -> [row position, ...]
// A text is a sort key as litsite holds it (spaces as written); it becomes citeproc-js's key string as CSL.Node.key
// writes it (every U+0020 the separator "|", one more "|" at the end; "" is no key) and loses a leading article
// (CSL.Util.Sort.strip_prepositions). The comparison is citeproc-js's own: CSL.getSortCompare (toLocaleLowerCase
// with the state's lang_array, then localeCompare with sensitivity "base", ignorePunctuation, numeric), and rows are
// ordered by CSL.Registry's comparator (CSL.Registry.Comparifier: missing keys last, "descending" keys reversed, ties
// by registration) and insertion (_insertItem: each row inserted in turn by binary search), as a bibliography is.
"use strict";
const path = require("path");
const readline = require("readline");
const CSL = require(path.join(__dirname, "..", "citeproc_js", "node_modules", "citeproc"));

const compares = new Map();

function compareFor(locale) {
  if (!compares.has(locale)) {
    const state = { tmp: { lang_array: [locale] }, opt: { "default-locale-sort": locale } };
    compares.set(locale, { state, compare: CSL.getSortCompare.call(state, locale) });
  }
  return compares.get(locale);
}

function keyString(text) {
  if (text === null || text === undefined || text === "") return undefined;
  return CSL.Util.Sort.strip_prepositions(text.split(" ").join("|") + "|");
}

function order(locale, directions, rows) {
  const { state } = compareFor(locale);
  const fake = { opt: { "default-locale-sort": locale }, tmp: state.tmp, bib: { opt: {} } };
  fake.bib.opt.sort_directions = directions.map((d) => (d < 0 ? [1, -1] : [-1, 1]));
  const sorter = new CSL.Registry.Comparifier(fake, "bib");
  const registry = Object.create(CSL.Registry.prototype);
  registry.sorter = sorter;
  let list = [];
  rows.forEach((row, i) => {
    const token = { id: i, seq: i + 1, sortkeys: row.map(keyString) };
    list = registry._insertItem(token, list);
  });
  return list.map((token) => token.id);
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  const job = JSON.parse(line);
  let answer;
  if (job.rows) {
    answer = order(job.locale, job.directions, job.rows);
  } else {
    const { compare } = compareFor(job.locale);
    answer = job.pairs.map(([a, b]) => {
      const ka = keyString(a);
      const kb = keyString(b);
      if (ka === kb) return 0;
      if (ka === undefined) return 1; // a missing key sorts last (CSL.Registry.Comparifier)
      if (kb === undefined) return -1;
      return Math.sign(compare(ka, kb));
    });
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
