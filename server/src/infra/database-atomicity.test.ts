import { describe, expect, it } from 'vitest';
import { classifyDatabase } from './database-atomicity.js';

// Trimmed from real replies: MongoDB 7's, and FerretDB v1.24.1's before and after the patch.
const mongodb = { version: '7.0.14', gitVersion: 'ce59cfc6a3c5e5c067dca0d30697edd68d4f5188', ok: 1 };
const ferretdb = {
  version: '7.0.42',
  gitVersion: 'unknown',
  ferretdbVersion: 'v1.24.1',
  ferretdbFeatures: { aggregationStages: ['$match'] },
  ok: 1,
};

describe('which database servers the server accepts', () => {
  it('accepts MongoDB (no ferretdbVersion in buildInfo)', () => {
    expect(classifyDatabase(mongodb)).toEqual({ description: 'MongoDB 7.0.14', refusal: null });
  });

  it('accepts FerretDB built with the atomic writes patch', () => {
    expect(classifyDatabase({ ...ferretdb, switchboardAtomicWrites: true })).toEqual({
      description: 'FerretDB v1.24.1 (atomic writes)',
      refusal: null,
    });
  });

  it('refuses an unpatched FerretDB, naming both fixes', () => {
    const { refusal } = classifyDatabase(ferretdb);
    expect(refusal).toMatch(/^MONGODB_URI: points at FerretDB v1\.24\.1 built without/);
    expect(refusal).toContain('scripts/services builds it');
    expect(refusal).toContain('MongoDB 6+');
  });

  it('refuses a FerretDB whose marker is anything but true, or whose version is malformed', () => {
    for (const reply of [
      { ...ferretdb, switchboardAtomicWrites: false },
      { ...ferretdb, switchboardAtomicWrites: 'true' },
      { ...ferretdb, ferretdbVersion: 124 },
      { ferretdbVersion: null },
    ]) {
      expect(classifyDatabase(reply).refusal).not.toBeNull();
    }
  });

  it("takes a reply without ferretdbVersion for MongoDB's", () => {
    expect(classifyDatabase(undefined).refusal).toBeNull();
    expect(classifyDatabase({ version: 7 }).description).toBe('MongoDB (version unknown)');
  });
});
