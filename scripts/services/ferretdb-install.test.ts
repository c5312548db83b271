import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from './commands.js';
import { ensureFerretDB } from './ferretdb-install.js';

describe('the FerretDB installer', () => {
  const saved = { PATH: process.env.PATH, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  const dirs: string[] = [];
  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved.XDG_CACHE_HOME;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('never falls back to a ferretdb found on PATH (unpatched, the server would refuse it), and says what to do', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'ferret-path-'));
    const cache = mkdtempSync(path.join(os.tmpdir(), 'ferret-cache-'));
    dirs.push(bin, cache);
    // A ferretdb that runs, and bash (which the PATH look-up uses); no Go, no patched build cached.
    writeFileSync(path.join(bin, 'ferretdb'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(bin, 'ferretdb'), 0o755);
    symlinkSync('/bin/bash', path.join(bin, 'bash'));
    process.env.PATH = bin;
    process.env.XDG_CACHE_HOME = cache;

    expect(() => ensureFerretDB()).toThrow(ServiceUnavailableError);
    expect(() => ensureFerretDB()).toThrow(
      /Go is not installed.*Install Go.*MongoDB 6\+.*unpatched FerretDB will not do/s,
    );
  });
});
