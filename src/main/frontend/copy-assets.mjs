// Copies what the pages need from node_modules into the application's static resources, at build time
// (Maven's generate-resources phase runs this after `npm ci`). Nothing here is committed: the output directory is
// under target/ and is added to the jar by Maven as a resource directory.
//
// Fonts: Noto Sans SC and Noto Serif SC (SIL OFL 1.1, @fontsource packages), only the static weights the pages use,
// woff2 only. Each weight is ~100 unicode-range slices, so a browser fetches just the slices of the characters a page
// shows. Static weights, not the variable font: Chromium prints a variable font into PDF as Type 3 outlines
// (unsearchable and large), a static one as an embedded CID font.
//
// Scripts and styles: htmx (partial page updates), the form-js viewer (renders the forms/ files exactly as Camunda
// Tasklist does: form-js 1.8, schema 16; its UMD build needs no bundler), Apache ECharts (the supervisors' charts),
// each into static/vendor/<package>/ with the package's licence and a VERSION file. The pages name them plainly
// (/vendor/htmx.org/htmx.min.js); the app serves them under a content-hash name (WebConfiguration), so a browser keeps
// a file for good and never an old copy.
//
// Usage: node src/main/frontend/copy-assets.mjs <output directory>   (the directory that becomes classpath:/)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const output = path.resolve(process.argv[2] ?? path.join(root, 'target/generated-resources/frontend'));

/** The served font families: npm package, the name the CSS uses, and the weights the pages use. */
const FONTS = [
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', weights: [400, 700] },
  { pkg: '@fontsource/noto-serif-sc', family: 'Noto Serif SC', weights: [400, 700] },
];

function fail(message) {
  console.error(`copy-assets: ${message}`);
  process.exit(1);
}

function packageDir(pkg) {
  const dir = path.join(root, 'node_modules', pkg);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fail(`${pkg} is not installed in node_modules (run npm ci in ${root})`);
  }
  return dir;
}

/**
 * Rewrites one @fontsource weight stylesheet to woff2 sources in a flat directory, and lists the files it names.
 * The package's rules look like: src: url(./files/x-400-normal.woff2) format('woff2'), url(./files/x-400-normal.woff) format('woff');
 */
function woff2Only(css, family, weight, pkg) {
  const files = [];
  const rules = css.replace(/src:\s*([^;]+);/g, (_, sources) => {
    const woff2 = sources.split(/,\s*(?=url\()/).find((s) => /format\(['"]woff2['"]\)/.test(s));
    if (!woff2) fail(`${pkg} ${weight}.css: a rule without a woff2 source`);
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(woff2)?.[1];
    if (!file) fail(`${pkg} ${weight}.css: unexpected source ${woff2}`);
    files.push(file);
    return `src: url(./${file}) format('woff2');`;
  });
  if (!rules.includes(`font-family: '${family}'`)) fail(`${pkg} ${weight}.css does not declare '${family}'`);
  if (files.length === 0) fail(`${pkg} ${weight}.css names no font file`);
  return { rules, files };
}

let bytes = 0;
let count = 0;
for (const font of FONTS) {
  const dir = packageDir(font.pkg);
  const name = font.pkg.split('/')[1];
  const target = path.join(output, 'static', 'fonts', name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const css = [`/* ${font.family} ${version} (${font.pkg}), SIL Open Font License 1.1: see OFL.txt beside this file.`,
    `   Weights ${font.weights.join(', ')}, woff2 only; generated at build time by src/main/frontend/copy-assets.mjs. */`];
  for (const weight of font.weights) {
    const source = path.join(dir, `${weight}.css`);
    if (!fs.existsSync(source)) fail(`${font.pkg} has no ${weight}.css`);
    const { rules, files } = woff2Only(fs.readFileSync(source, 'utf8'), font.family, weight, font.pkg);
    for (const file of files) {
      fs.copyFileSync(path.join(dir, 'files', file), path.join(target, file));
      bytes += fs.statSync(path.join(target, file)).size;
      count++;
    }
    css.push(rules.trim());
  }
  fs.writeFileSync(path.join(target, `${name}.css`), css.join('\n') + '\n');
  const licence = path.join(dir, 'LICENSE');
  if (!fs.existsSync(licence)) fail(`${font.pkg} ships no LICENSE`);
  fs.copyFileSync(licence, path.join(target, 'OFL.txt'));
}
/** Scripts and styles the pages load: package, files (source in the package → name served). */
const VENDOR = [
  { pkg: 'htmx.org', files: { 'dist/htmx.min.js': 'htmx.min.js' } },
  {
    pkg: '@bpmn-io/form-js',
    files: {
      'dist/form-viewer.umd.js': 'form-viewer.umd.js',
      'dist/assets/form-js.css': 'form-js.css',
      'dist/assets/flatpickr/light.css': 'flatpickr-light.css',
    },
  },
  { pkg: 'echarts', files: { 'dist/echarts.min.js': 'echarts.min.js' } },
];

const vendorRoot = path.join(output, 'static', 'vendor');
fs.rmSync(vendorRoot, { recursive: true, force: true });
let vendorFiles = 0;
for (const entry of VENDOR) {
  const dir = packageDir(entry.pkg);
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const name = entry.pkg.replace(/^@/, '').replace('/', '-');
  const target = path.join(vendorRoot, name);
  fs.mkdirSync(target, { recursive: true });
  for (const [source, served] of Object.entries(entry.files)) {
    const from = path.join(dir, source);
    if (!fs.existsSync(from)) fail(`${entry.pkg} ${version} has no ${source}`);
    fs.copyFileSync(from, path.join(target, served));
    vendorFiles++;
  }
  const licence = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!licence) fail(`${entry.pkg} ships no LICENSE`);
  fs.copyFileSync(licence, path.join(target, 'LICENSE.txt'));
  fs.writeFileSync(path.join(target, 'VERSION'), `${entry.pkg} ${version}\n`);
}
console.log(`copy-assets: ${vendorFiles} scripts and styles of ${VENDOR.length} packages into ${path.relative(root, output)}/static/vendor`);

console.log(`copy-assets: ${count} woff2 files (${(bytes / 1048576).toFixed(1)} MiB) of ${FONTS.length} font families into ${path.relative(root, output)}/static/fonts`);
