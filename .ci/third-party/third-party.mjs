#!/usr/bin/env node
// Writes THIRD-PARTY.txt: every third-party library HMC-Flow's jar ships (from license-maven-plugin's list of the
// Maven dependency tree, target/third-party/maven.tsv) and every npm package in package-lock.json, each with its
// version and licence. Exits non-zero, naming each offender, when a package has no licence or one nobody has
// reviewed for distributing HMC-Flow under Apache-2.0. The build runs it in generate-resources (pom.xml), after
// license-maven-plugin; it needs only Node (no npm install: the lockfile carries each package's licence). Run it
// through Maven (./mvnw generate-resources), which also passes the --also arguments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const here = join(root, '.ci', 'third-party');
const options = { maven: 'target/third-party/maven.tsv', lockfile: 'package-lock.json', out: 'THIRD-PARTY.txt' };
// --also groupId:artifactId:version=licence: a jar the build puts into the application jar that is no dependency
// (spring-boot-maven-plugin's jarmode tools), so license-maven-plugin does not see it.
const also = [];
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, '');
  const value = process.argv[i + 1];
  if (name === 'also' && /^[^:=]+:[^:=]+:[^:=]+=.+$/.test(value ?? '')) {
    also.push(value);
  } else if (name in options && value !== undefined) {
    options[name] = value;
  } else {
    fail([`usage: third-party.mjs [--maven FILE] [--lockfile FILE] [--out FILE] [--also G:A:V=LICENCE]... (got ${process.argv[i]} ${value ?? ''})`]);
  }
}

// Licences reviewed as fine to ship with an Apache-2.0 application, as they are spelt after pom.xml's licenseMerges
// (Maven) or in SPDX (npm). Anything else fails the build until someone looks: another spelling of one of these goes
// into licenseMerges; a new licence that allows redistribution (no AGPL, no GPL without the classpath exception, no
// "non-commercial") goes here.
const ACCEPTED = new Set([
  '0BSD', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'CC0-1.0', 'EDL-1.0', 'EPL-1.0', 'EPL-2.0',
  'GPL-2.0-only WITH Classpath-exception-2.0', 'ISC', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'MIT', 'MPL-1.1',
  'MPL-2.0', 'OFL-1.1', 'Public Domain', 'W3C',
  // The bpmn.io licence (form-js, as Camunda Tasklist ships it): MIT plus "the bpmn.io watermark stays visible".
  'LicenseRef-bpmn.io',
]);

const problems = [];
const maven = readMaven(resolve(root, options.maven));
const npm = readNpm(resolve(root, options.lockfile));
if (problems.length > 0) fail(problems);

const text = render(maven, npm);
const out = resolve(root, options.out);
const before = existsSync(out) ? readFileSync(out, 'utf8') : null;
if (before !== text) {
  writeFileSync(out, text);
  console.log(`third-party: ${options.out} ${before === null ? 'written' : 'changed: commit it with the dependency change'}`
    + ` (${maven.length} Maven artifacts, ${npm.length} npm packages)`);
}

/** license-maven-plugin's output (maven.tsv.ftl): groupId:artifactId, version, licences separated by '|'. */
function readMaven(file) {
  if (!existsSync(file)) {
    fail([`${options.maven} is missing: it is written by license-maven-plugin; run ./mvnw generate-resources`]);
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const extra = also.map((a) => a.replace(/^([^:]+:[^:]+):([^=]+)=(.*)$/, '$1\t$2\t$3'));
  return [...lines, ...extra].map((line) => {
    const [name, version, licences = ''] = line.split('\t');
    const list = licences.split('|').map((l) => l.trim()).filter((l) => l !== '');
    if (list.length === 0) {
      problems.push(`Maven ${name}:${version} has no licence: add it to .ci/third-party/maven-overrides.properties`);
    }
    for (const licence of list.filter((l) => !ACCEPTED.has(l))) {
      problems.push(`Maven ${name}:${version} has the unreviewed licence '${licence}': if it is another spelling of a `
        + `licence in ACCEPTED (.ci/third-party/third-party.mjs), add it to the licenseMerges in pom.xml; if it is a `
        + `new licence that allows shipping it with HMC-Flow, add it to ACCEPTED; otherwise drop the dependency`);
    }
    // The POM lists several for a choice (H2, Logback) or for bundled parts (Jersey); both are shown as listed.
    return { name, version, licence: list.join(' / ') };
  });
}

/** Every package of an npm 7+ lockfile ("packages"), with the licence npm recorded in it. */
function readNpm(file) {
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  if (!lock.packages) {
    fail([`${options.lockfile} has no "packages" (lockfileVersion ${lock.lockfileVersion}): regenerate it with npm 7 or later`]);
  }
  const overrides = JSON.parse(readFileSync(join(here, 'npm-overrides.json'), 'utf8'));
  const packages = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.link) continue; // the project itself, or a folder of it linked as a workspace
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const id = `${name}@${entry.version}`;
    // An override wins: it corrects a package that names no licence, or a wrong or unparseable one.
    const licence = overrides[id]?.license ?? entry.license ?? installedLicence(path);
    if (!licence) {
      problems.push(`npm ${id} has no licence in ${options.lockfile}${existsSync(join(root, path)) ? ` nor in ${path}/package.json` : ''}: `
        + `look it up (the package's LICENSE file, repository) and add it to .ci/third-party/npm-overrides.json`);
      continue;
    }
    if (!acceptedExpression(licence)) {
      problems.push(`npm ${id} has the licence '${licence}', which is not (an SPDX expression of) licences in ACCEPTED `
        + `(.ci/third-party/third-party.mjs): add the licence there if it allows shipping it with HMC-Flow, give the `
        + `right one in .ci/third-party/npm-overrides.json if the package misstates it, or drop the package`);
    }
    // npm marks what only devDependencies need: tools of the build (bpmnlint), never copied into the jar.
    packages.push({ name, version: entry.version, licence, use: entry.dev ? 'build tool, not shipped' : 'shipped' });
  }
  return packages;
}

/** The licence of an installed package when the lockfile lacks it (old package.json forms included), else null. */
function installedLicence(path) {
  const file = join(root, path, 'package.json');
  if (!existsSync(file)) return null;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const one = (l) => (typeof l === 'string' ? l : l?.type);
  if (pkg.license) return one(pkg.license) ?? null;
  if (Array.isArray(pkg.licenses) && pkg.licenses.length > 0) return pkg.licenses.map(one).join(' OR ');
  return null;
}

/** Whether an SPDX expression (ids, WITH, AND, OR, parentheses) leaves a way to ship the package under ACCEPTED. */
function acceptedExpression(expression) {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const or = () => {
    let ok = and();
    while (tokens[at] === 'OR') { at++; ok = and() || ok; }
    return ok;
  };
  const and = () => {
    let ok = term();
    while (tokens[at] === 'AND') { at++; ok = term() && ok; }
    return ok;
  };
  const term = () => {
    if (tokens[at] === '(') {
      at++;
      const ok = or();
      if (tokens[at++] !== ')') throw new Error('unbalanced parentheses');
      return ok;
    }
    let id = tokens[at++];
    if (tokens[at] === 'WITH') { id = `${id} WITH ${tokens[at + 1]}`; at += 2; }
    return id !== undefined && ACCEPTED.has(id);
  };
  try {
    const ok = or();
    return ok && at === tokens.length;
  } catch {
    return false;
  }
}

function render(mavenEntries, npmEntries) {
  const byName = (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en');
  const table = (rows, columns) => {
    const widths = columns.map((c) => Math.max(...rows.map((r) => r[c].length)));
    return rows.sort(byName)
      .map((r) => columns.map((c, i) => (i === columns.length - 1 ? r[c] : r[c].padEnd(widths[i]))).join('  '))
      .join('\n');
  };
  const section = (title, rows, columns) => [title, '-'.repeat(title.length),
    rows.length === 0 ? '(none)' : table(rows, columns), ''];
  return [
    'HMC-Flow: third-party software',
    '==============================',
    '',
    'Generated by the build; do not edit. license-maven-plugin reads the Maven dependency tree and',
    '.ci/third-party/third-party.mjs package-lock.json (pom.xml, generate-resources). The build fails on a',
    'library without a licence or with one not yet reviewed; missing or wrong licences are filled in',
    '.ci/third-party/maven-overrides.properties and npm-overrides.json.',
    '',
    'Listed: every library the application jar ships (Maven compile and runtime scope, BOOT-INF/lib/ in the',
    'jar, with the jarmode tools spring-boot-maven-plugin adds) and every npm package in package-lock.json,',
    'each marked shipped (copied into the jar) or build tool (only run by the build). Not listed, because',
    'neither is in the jar nor redistributed: libraries used only by the tests (Maven test scope) and the',
    'Keycloak server distribution (org.keycloak:keycloak-quarkus-dist) that the tests start as a test server.',
    '',
    'Columns: name, version, licence (SPDX identifiers where one exists; EDL-1.0 is the Eclipse Distribution',
    'License, a BSD-3-Clause text). Several licences separated by " / " are those the library\'s POM declares:',
    'a choice for most (e.g. H2, Logback), the licences of bundled parts for Jersey.',
    '',
    ...section(`Maven (${mavenEntries.length} artifacts)`, mavenEntries, ['name', 'version', 'licence']),
    ...section(`npm (${npmEntries.length} packages)`, npmEntries, ['name', 'version', 'licence', 'use']),
  ].join('\n');
}

function fail(messages) {
  for (const message of messages) console.error(`third-party: ${message}`);
  console.error(`third-party: ${messages.length} problem(s); ${options.out} not written`);
  process.exit(1);
}
