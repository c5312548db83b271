import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: code, comments, docs and test names say the
 * rule they follow in words. A requirement id ("W5", "S2", "J1–J4"), an issue
 * number ("issue 4 item 5") or a document kept outside the repository
 * (PRODUCT.md, ARCHITECTURE.md) means nothing to someone reading a checkout.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

// "S3" is left out: it is Amazon's storage service, which the file store names throughout
// (S3_ENDPOINT, an S3-compatible store, @aws-sdk/client-s3).
const CITATION = /\b(?:[WRAJXF][1-8]|S[124-8])\b|\b[Ii]ssues? #?\d+|\b(?:PRODUCT|ARCHITECTURE)\.md\b/g;

const SKIPPED: readonly { prefix: string; why: string }[] = [
  { prefix: 'pnpm-lock.yaml', why: 'generated; its integrity hashes hold look-alikes' },
  { prefix: 'scripts/self-explaining.test.ts', why: 'this file spells out the patterns it looks for' },
];

/** Text that only looks like a citation, each with the file it is in and why it stays. */
const LOOK_ALIKES: readonly { file: string; text: string; why: string }[] = [
  { file: 'server/src/auth/cookies.test.ts', text: '%E0%A4%A', why: 'test data: a broken percent-encoding' },
  { file: 'bench/scenarios/uploads.ts', text: "['A1', 'A2']", why: "the attachments figures' own labels" },
  { file: 'bench/scenarios/uploads.ts', text: "['A3', 'A4']", why: "the attachments figures' own labels" },
  { file: 'bench/README.md', text: 'A1–A2 with files', why: "the attachments figures' own labels" },
  { file: 'bench/README.md', text: 'A3–A4 in an S3', why: "the attachments figures' own labels" },
  { file: 'bench/README.md', text: '| A1. upload', why: "the attachments figures' own labels" },
  { file: 'bench/README.md', text: '| A2. server RSS', why: "the attachments figures' own labels" },
];

function checkedFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  return tracked.filter((file) => file !== '' && !SKIPPED.some(({ prefix }) => file.startsWith(prefix)));
}

function read(file: string): string {
  try {
    return readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return ''; // tracked but deleted in this checkout
  }
}

/** `file:line: citation` for every citation left once the file's look-alikes are blanked out. */
function citations(file: string): string[] {
  let text = read(file);
  for (const { text: allowed } of LOOK_ALIKES.filter((entry) => entry.file === file)) {
    text = text.replaceAll(allowed, ' '.repeat(allowed.length));
  }
  return [...text.matchAll(CITATION)].map(
    (match) => `${file}:${text.slice(0, match.index).split('\n').length}: ${match[0]}`,
  );
}

describe('the repository explains itself', () => {
  it('cites no requirement id, issue number or document outside the repository', () => {
    const files = checkedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(citations)).toEqual([]);
  });

  it('allows only look-alikes that are still there', () => {
    const gone = LOOK_ALIKES.filter(({ file, text }) => !read(file).includes(text));
    expect(gone).toEqual([]);
  });
});
