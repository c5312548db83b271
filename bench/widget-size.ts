/**
 * Widget size budget (it must not slow the host page), side by side with a
 * reference built in the same run: prints gzip sizes as a Markdown table.
 *
 *   pnpm build && pnpm --filter @switchboard/bench run widget-size
 *
 * - loader: web-widget/dist/loader.js, what every host page downloads (budget 3 KB).
 * - app first render: the JS index.html loads before anything shows (entry
 *   script + modulepreloads; lazy chunks excluded). Budget 45 KB.
 * - reference: preact + socket.io-client in a minimal entry (a form and a
 *   socket), built with Vite here, i.e. the floor for a widget on that stack.
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const WIDGET_DIST = path.join(ROOT, 'web-widget', 'dist');

export interface Row {
  bundle: string;
  files: number;
  raw: number;
  gzip: number;
  budget?: number;
}

const gzipSize = (code: Uint8Array | string) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

async function measureFiles(bundle: string, files: string[], budget?: number): Promise<Row> {
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return {
    bundle,
    files: files.length,
    raw: contents.reduce((sum, content) => sum + content.length, 0),
    gzip: contents.reduce((sum, content) => sum + gzipSize(content), 0),
    ...(budget === undefined ? {} : { budget }),
  };
}

/** The scripts index.html makes the browser fetch before first render. */
async function firstRenderScripts(): Promise<string[]> {
  const html = await readFile(path.join(WIDGET_DIST, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].flatMap((match) => (match[1] ? [match[1]] : []));
  return urls.map((url) => path.join(WIDGET_DIST, url.replace(/^\/widget\//, '')));
}

const REFERENCE_ENTRY = `
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { io } from 'socket.io-client';

const socket = io('/customer', { transports: ['websocket'], autoConnect: false });
function Form() {
  const [name, setName] = useState('');
  const submit = (event) => { event.preventDefault(); socket.connect(); socket.emit('conversation.start', { name }); };
  return h('form', { onSubmit: submit },
    h('label', null, 'Name', h('input', { value: name, onInput: (event) => setName(event.currentTarget.value) })),
    h('button', { type: 'submit' }, 'Start chat'));
}
render(h(Form, null), document.getElementById('root'));
`;

async function buildReference(): Promise<Row> {
  const dir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  try {
    // The temp entry resolves packages from the bench package's node_modules.
    await symlink(path.join(import.meta.dirname, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const entry = path.join(dir, 'entry.js');
    await writeFile(entry, REFERENCE_ENTRY);
    const result = (await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: true, modulePreload: false, rolldownOptions: { input: entry } },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output);
    const chunks = outputs.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
    return {
      bundle: 'reference: preact + socket.io-client (same-run build)',
      files: chunks.length,
      raw: chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
      gzip: chunks.reduce((sum, chunk) => sum + gzipSize(chunk.code), 0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Loader, first-render app JS and the same-run reference (used by bench/run.ts too). */
export async function measureWidgetSizes(): Promise<{ loader: Row; app: Row; reference: Row }> {
  return {
    loader: await measureFiles('loader.js (embed script)', [path.join(WIDGET_DIST, 'loader.js')], 3 * 1024),
    app: await measureFiles('widget app, JS for first render', await firstRenderScripts(), 45 * 1024),
    reference: await buildReference(),
  };
}

async function main(): Promise<void> {
  const { loader, app, reference } = await measureWidgetSizes();
  const rows = [loader, app, reference];
  const lines = [
    '| bundle | files | raw | gzip | budget (gzip) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (row) =>
        `| ${row.bundle} | ${row.files} | ${kb(row.raw)} | ${kb(row.gzip)} (${row.gzip} B) | ${
          row.budget === undefined ? '—' : `${kb(row.budget)} ${row.gzip <= row.budget ? 'ok' : '**over**'}`
        } |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Run as a script (`pnpm --filter @switchboard/bench run widget-size`), not when imported by run.ts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`widget-size failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
