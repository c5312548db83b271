/**
 * A package's build, skipped when nothing it is built from has changed since
 * its last successful build. In a package's `build` script:
 *   tsx ../scripts/build-if-changed.ts "vite build"
 * What it is built from: every file of the package (but node_modules and
 * dist), the shared tsconfig and the lockfile (dependency versions), the
 * command itself, and the stamps of the workspace packages it depends on —
 * `pnpm -r` builds those first, so a change in `shared` rebuilds everything
 * above it. The stamp (a hash of all that) is written into dist/ only after a
 * build succeeded, so a failed or interrupted build is redone, and so is one
 * whose dist/ was deleted. SWITCHBOARD_REBUILD=1 builds regardless.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STAMP = path.join('dist', '.build-inputs');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.turbo', 'coverage']);

/** The workspace root: the nearest directory up from the package with a pnpm-workspace.yaml. */
function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** Every file under `dir`, relative and sorted, skipping build output and installed packages. */
function filesUnder(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...filesUnder(dir, relative));
    } else if (entry.isFile() && !entry.name.endsWith('.tsbuildinfo')) {
      found.push(relative);
    }
  }
  return found.sort();
}

/** Directories of the workspace packages this package depends on (`workspace:` ranges). */
function workspaceDependencies(packageDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const names = ['dependencies', 'devDependencies']
    .flatMap((field) => Object.entries(manifest[field] ?? {}))
    .filter(([, range]) => range.startsWith('workspace:'))
    .map(([name]) => name)
    .sort();
  return names.map((name) => realpathSync(path.join(packageDir, 'node_modules', name)));
}

function inputsHash(root: string, packageDir: string, command: string): string {
  const hash = createHash('sha256').update(`command\0${command}\0`);
  for (const file of filesUnder(packageDir)) hash.update(`${file}\0`).update(readFileSync(path.join(packageDir, file)));
  for (const file of ['tsconfig.base.json', 'pnpm-lock.yaml'])
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file)));
  for (const dependency of workspaceDependencies(packageDir)) {
    const stamp = path.join(dependency, STAMP);
    hash.update(`${path.relative(root, dependency)}\0${existsSync(stamp) ? readFileSync(stamp, 'utf8') : 'unbuilt'}\0`);
  }
  return hash.digest('hex');
}

function main(): number {
  const command = process.argv.slice(2).join(' ');
  if (!command) {
    process.stderr.write('usage: tsx scripts/build-if-changed.ts "<build command>"\n');
    return 2;
  }
  const packageDir = process.cwd();
  const root = workspaceRoot(packageDir);
  const name = path.relative(root, packageDir);
  const stamp = path.join(packageDir, STAMP);
  const wanted = inputsHash(root, packageDir, command);
  if (process.env.SWITCHBOARD_REBUILD !== '1' && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
    process.stdout.write(`[build] ${name}: unchanged since its last build, skipped\n`);
    return 0;
  }
  rmSync(stamp, { force: true });
  const build = spawnSync(command, { cwd: packageDir, stdio: 'inherit', shell: true });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(stamp, wanted);
  return 0;
}

process.exit(main());
