// Print ICU root collation as citeproc-js uses it (Intl.Collator: sensitivity "base", ignorePunctuation, numeric)
// for the characters litsite/csl/collation.py has tables for: which are ignorable, and the order of the rest
// (characters on one line compare equal). Usage: node bench/csl_conformance/collation_probe.js [locale]
"use strict";
const locale = process.argv[2] || "en-US";
const options = { sensitivity: "base", ignorePunctuation: true };
const ranges = [[0x20, 0x7e], [0xa0, 0x2ff], [0x370, 0x52f], [0x1e00, 0x1eff], [0x2000, 0x22ff], [0x3000, 0x30ff]];
const lower = (s) => s.toLocaleLowerCase(locale);
const cmp = (a, b) => lower(a).localeCompare(lower(b), locale, options);
const ignorable = [];
const rest = [];
for (const [from, to] of ranges) {
  for (let code = from; code <= to; code++) {
    const ch = String.fromCodePoint(code);
    (cmp(`x${ch}y`, "xy") === 0 ? ignorable : rest).push(ch);
  }
}
rest.sort((a, b) => cmp(a, b) || (a < b ? -1 : 1));
console.log(`ignorable: ${ignorable.map((c) => `U+${c.codePointAt(0).toString(16)}`).join(" ")}`);
let line = [];
rest.forEach((ch, i) => {
  if (i && cmp(rest[i - 1], ch) !== 0) {
    console.log(line.join(""));
    line = [];
  }
  line.push(ch);
});
console.log(line.join(""));
