// Print ICU root collation as citeproc-js uses it (Intl.Collator: sensitivity "base", ignorePunctuation, numeric)
// for the characters litsite/csl/collation.py has tables for: which are ignorable, and the order of the rest
// (characters on one line compare equal). Usage: node bench/csl_conformance/collation_probe.js [locale]
// With --tailorings LOCALE...: per language, the lower-case Latin letters (U+00DF–U+017F) the locale places
// differently from the root order, with the ASCII letters, in the locale's order (collation.py's _TAILORED).
"use strict";
if (process.argv[2] === "--tailorings") {
  const base = { sensitivity: "base", ignorePunctuation: true };
  const root = (a, b) => a.localeCompare(b, "und", base);
  const letters = [];
  for (let code = 0xdf; code <= 0x17f; code++) {
    const ch = String.fromCodePoint(code);
    if (ch.toLowerCase() === ch && /\p{Ll}/u.test(ch)) letters.push(ch);
  }
  const ascii = "abcdefghijklmnopqrstuvwxyz".split("");
  for (const loc of process.argv.slice(3)) {
    const cmp = (a, b) => a.localeCompare(b, loc, base);
    const differs = (ch) => [...ascii, ...letters].some((b) => Math.sign(cmp(ch, b)) !== Math.sign(root(ch, b)));
    const expansion = { "ß": "ss", "æ": "ae", "œ": "oe", "ĳ": "ij", "ŉ": "ʼn", "þ": "th" };
    const kept = (ch) => !ascii.some((a) => root(ch, a) === 0 && cmp(ch, a) === 0) && !(ch in expansion && cmp(ch, expansion[ch]) === 0);
    const own = letters.filter((ch) => differs(ch) && kept(ch));
    if (!own.length) continue;
    const all = [...ascii, ...own].sort((a, b) => cmp(a, b) || (a < b ? -1 : 1));
    const groups = [];
    all.forEach((ch, i) => (i && cmp(all[i - 1], ch) === 0 ? (groups[groups.length - 1] += ch) : groups.push(ch)));
    console.log(`${loc.slice(0, 2)}: ${groups.join(" ")}`);
  }
  process.exit(0);
}
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
