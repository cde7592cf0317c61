// Writes litsite/csl/collation_han.json: the order of the Han ideographs (CJK Unified Ideographs and Extension A)
// in the locales whose collation tailors it, as Node's Intl has it: zh (pinyin), zh-TW (strokes), ja (JIS readings,
// then radicals), each one string of the ideographs (no two compare equal there); ko: the ideographs that equal a
// Hangul syllable (their reading) at the primary level, by syllable.
// Usage: node bench/csl_conformance/collation_han.js > litsite/csl/collation_han.json
"use strict";
const options = { sensitivity: "base", ignorePunctuation: true, numeric: true };
const han = [];
for (let cp = 0x3400; cp < 0xa000; cp++) {
  const ch = String.fromCodePoint(cp);
  if (/\p{Script=Han}/u.test(ch) && ch.normalize("NFKD") === ch) han.push(ch);
}
const data = { source: `Node ${process.version} Intl, ICU ${process.versions.icu}, bench/csl_conformance/collation_han.js` };
for (const [key, locale] of [["zh", "zh-CN"], ["zh-TW", "zh-TW"], ["ja", "ja-JP"]]) {
  const collator = new Intl.Collator(locale, options);
  const order = han.slice().sort((a, b) => collator.compare(a, b) || a.codePointAt(0) - b.codePointAt(0));
  if (order.some((ch, i) => i && collator.compare(order[i - 1], ch) === 0)) throw new Error(`${locale}: equal ideographs`);
  data[key] = order.join("");
}
// Korean: an ideograph is its Hangul reading at the primary level (equal to a syllable): {syllable: ideographs}.
const korean = new Intl.Collator("ko-KR", options);
const syllables = [];
for (let cp = 0xac00; cp <= 0xd7a3; cp++) syllables.push(String.fromCodePoint(cp));
data.ko = {};
for (const ch of han) {
  let lo = 0;
  let hi = syllables.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = korean.compare(ch, syllables[mid]);
    if (c === 0) {
      data.ko[syllables[mid]] = (data.ko[syllables[mid]] || "") + ch;
      break;
    }
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
}
const lines = Object.entries(data).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
console.log(`{\n${lines.join(",\n")}\n}`);
