// The citeproc-js `sys` object of a job read from stdin (its locales_dir and items), shared by the bench's scripts
// (render.js, csl_conformance/order_js.js) so that both give citeproc-js the same locales and items.
"use strict";
const fs = require("fs");
const path = require("path");

module.exports = function jobSystem(job) {
  const byId = new Map(job.items.map((it) => [String(it.id), it]));
  return {
    retrieveLocale(lang) {
      const file = path.join(job.locales_dir, `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem(id) {
      return byId.get(String(id));
    },
  };
};
