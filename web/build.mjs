// Builds the dashboard into the Python package (graph/http/dashboard/static), which serves it.
// The output is committed and must be reproducible: CI rebuilds it and compares.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const out = "../graph/http/dashboard/static";
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["src/main.ts"],
  outfile: `${out}/app.js`,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
});
// The service worker is a classic script of its own (no imports).
await build({
  entryPoints: ["src/sw.ts"],
  outfile: `${out}/sw.js`,
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
});
await build({
  entryPoints: ["src/app.css"],
  outfile: `${out}/app.css`,
  bundle: true,
  minify: true,
  logLevel: "warning",
});
for (const file of ["index.html", "icon.svg", "manifest.webmanifest"]) copyFileSync(`src/${file}`, `${out}/${file}`);
