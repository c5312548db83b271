import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Reads shared's build (pnpm build runs before the tests): only the emitted
// JavaScript shows what an entry loads at run time, type-only imports erased.
const PACKAGE_DIR = path.resolve(import.meta.dirname, '../../shared');
const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  exports: Record<string, { import: string }>;
};

/** The packages a built entry loads, following its relative imports through every file they reach. */
function packagesLoadedBy(entry: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) visit(path.resolve(path.dirname(file), fileName));
      else packages.add(fileName);
    }
  };
  const target = packageJson.exports[entry]?.import;
  if (target === undefined) throw new Error(`no "${entry}" export`);
  visit(path.join(PACKAGE_DIR, target));
  return [...packages];
}

describe('the package entries', () => {
  it('load no other package at run time, so a browser bundle stays small (zod is for /schemas)', () => {
    for (const entry of ['.', './client', './testing', './i18n', './secrets']) {
      expect(packagesLoadedBy(entry), entry).toEqual([]);
    }
  });

  it('/schemas loads zod (the walk above does see imports)', () => {
    expect(packagesLoadedBy('./schemas')).toEqual(['zod']);
  });
});
