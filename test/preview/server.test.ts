import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openBrowser,
  EVENTS_PATH,
  PortInUseError,
  startPreview,
  type PreviewBuild,
  type PreviewServer,
  type RebuildEvent,
} from '../../src/preview/index.js';
import { renderDefault, sampleGazette } from '../write-html/fixture.js';
import { textOf } from '../write-html/html-scan.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n%test\n');

function goodBuild(marker = ''): PreviewBuild {
  const gazette = sampleGazette();
  if (marker) gazette.sections[0]!.documents[0]!.meta.title += marker;
  const { html, css } = renderDefault(gazette, { draft: true, pdfHref: 'gazette.pdf' });
  return { files: new Map<string, string | Uint8Array>([['index.html', html], ['style.css', css], ['gazette.pdf', PDF]]), problems: [] };
}

const brokenBuild: PreviewBuild = {
  problems: [
    {
      file: 'documents/2021-4/cf-46.md',
      line: 4,
      column: 9,
      code: 'number-format',
      severity: 'error',
      message: '发文字号“长府[2021]46号”的年份应使用六角括号〔〕。',
      hint: '改为 长府〔2021〕46号',
    },
    { file: 'documents/2021-4/cf-51.md', line: 2, code: 'title-issuer', severity: 'warning', message: '标题<未>以发文机关开头。' },
  ],
};

/** Status of GET / with a chosen Host header (fetch does not let tests set it). */
function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: '127.0.0.1', port, path: '/', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

/** Reads server-sent events from the preview until `count` build events arrived; `onEvent` sees each as it comes. */
async function readEvents(
  url: string,
  count: number,
  onEvent: (event: { version: number; ok: boolean }) => void = () => {},
  timeoutMs = 10_000,
): Promise<Array<{ version: number; ok: boolean }>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(new URL(EVENTS_PATH, url), { signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ version: number; ok: boolean }> = [];
  let buffer = '';
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: build')) {
          const event = JSON.parse(block.split('\ndata: ')[1]!);
          events.push(event);
          onEvent(event);
        }
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('startPreview', () => {
  let folder: string;
  let server: PreviewServer | undefined;
  const lines: string[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'gazette-preview-'));
    mkdirSync(join(folder, '2021-4'));
    writeFileSync(join(folder, '2021-4', 'cf-46.md'), '---\ntitle: 初稿\n---\n');
    lines.length = 0;
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  async function start(build: () => Promise<PreviewBuild>, port = 0): Promise<PreviewServer> {
    server = await startPreview({ port, build, watch: { root: folder, folders: ['2021-4'] }, log: (line) => lines.push(line) });
    return server;
  }

  it('serves the page with the reload client, the stylesheet and the PDF on 127.0.0.1', async () => {
    const preview = await start(async () => goodBuild());
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(preview.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="gazette-build" content="1">');
    expect(html).toMatch(/<script src="\/__gazette\/client\.js"><\/script>\s*<\/body>/);
    expect(textOf(html)).toContain('草稿');
    expect(html).not.toContain('gazette-overlay');
    const client = await fetch(new URL('/__gazette/client.js', preview.url)).then((r) => r.text());
    expect(client).toContain(EVENTS_PATH);
    const css = await fetch(new URL('/style.css', preview.url));
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toBe(renderDefault(sampleGazette()).css);
    const pdf = await fetch(new URL('/gazette.pdf', preview.url));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF);
    expect((await fetch(new URL('/nothing-here', preview.url))).status).toBe(404);
    // A page whose DNS name was rebound to 127.0.0.1 is refused.
    expect(await statusWithHost(preview.port, 'evil.example')).toBe(403);
    expect(await statusWithHost(preview.port, `localhost:${preview.port}`)).toBe(200);
    expect(lines.some((line) => line.startsWith('构建完成'))).toBe(true);
  });

  it('rebuilds when a watched file changes and tells open pages over SSE', async () => {
    let builds = 0;
    const preview = await start(async () => goodBuild(`（第${++builds}版）`));
    const rebuilt = new Promise<RebuildEvent>((resolve) => preview.rebuilt(resolve));
    // The stream first reports the current version; touch the file only after that.
    let connected: () => void = () => {};
    const isConnected = new Promise<void>((resolve) => (connected = resolve));
    const events = readEvents(preview.url, 2, connected);
    await isConnected;
    writeFileSync(join(folder, '2021-4', 'cf-46.md'), '---\ntitle: 二稿\n---\n');
    const event = await rebuilt;
    expect(event.version).toBe(2);
    expect(event.ok).toBe(true);
    expect(await events).toEqual([
      expect.objectContaining({ version: 1, ok: true }),
      expect.objectContaining({ version: 2, ok: true }),
    ]);
    expect(textOf(await fetch(preview.url).then((r) => r.text()))).toContain('（第2版）');
    expect(lines.some((line) => line.includes('cf-46.md'))).toBe(true);
  });

  it('coalesces a burst of saves into one build and queues a build requested while one runs', async () => {
    let running = 0;
    let overlapped = false;
    let builds = 0;
    const preview = await start(async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 120));
      running--;
      builds++;
      return goodBuild();
    });
    expect(builds).toBe(1);
    const versions: number[] = [];
    preview.rebuilt((event) => versions.push(event.version));
    const burstBuilt = new Promise((resolve) => preview.rebuilt(resolve));
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, '2021-4', `burst-${i}.md`), 'x');
    await burstBuilt;
    // No second build follows for the same burst.
    await new Promise((r) => setTimeout(r, 400));
    expect(builds).toBe(2);
    // Two requests while a build runs: one follow-up build, never two at once.
    const first = preview.rebuild();
    await new Promise((r) => setTimeout(r, 20));
    const second = preview.rebuild();
    const third = preview.rebuild();
    expect((await first).version).toBe(3);
    expect((await second).version).toBe(4);
    expect((await third).version).toBe(4);
    expect(overlapped).toBe(false);
    expect(versions).toEqual([2, 3, 4]);
  });

  it('shows a save written in two steps only once it is whole, though a build started after the first', async () => {
    const file = join(folder, '2021-4', 'cf-46.md');
    const whole = '---\ntitle: 第二稿，写完\n---\n';
    const half = whole.slice(0, 8);
    const read: string[] = [];
    let readHalf = (): void => {};
    const halfRead = new Promise<void>((resolve) => (readHalf = resolve));
    const preview = await start(async () => {
      // Like a real build, it yields to the event loop, where the editor's second write lands.
      await new Promise((r) => setTimeout(r, 5));
      read.push(readFileSync(file, 'utf8'));
      if (read.at(-1) === half) readHalf();
      await new Promise((r) => setTimeout(r, 5));
      return goodBuild();
    });
    const shown: string[] = [];
    preview.rebuilt(() => shown.push(read.at(-1)!));
    writeFileSync(file, half);
    await halfRead;
    // Within chokidar's 50 ms of the first write's change, which it then reports no change for.
    writeFileSync(file, whole);
    await new Promise((r) => setTimeout(r, 600));
    expect(shown).toEqual([whole]);
  });

  it('shows builds while a file keeps changing, and answers a build asked for when it closes', async () => {
    const preview = await start(async () => {
      await new Promise((r) => setTimeout(r, 40));
      return goodBuild();
    });
    const versions: number[] = [];
    preview.rebuilt((event) => versions.push(event.version));
    // A file written every 25 ms, each build takes 40 ms: a build is thrown away a few times, then shown.
    writeFileSync(join(folder, '2021-4', 'cf-46.md'), '---\ntitle: 二稿\n---\n');
    for (let i = 0; i < 40; i++) {
      writeFileSync(join(folder, '2021-4', 'log.md'), `第${i}次`);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(versions.length).toBeGreaterThanOrEqual(2);
    // A save that has moved by the time its build ends runs again; closing meanwhile still answers the caller.
    const file = join(folder, '2021-4', 'cf-46.md');
    writeFileSync(file, '---\ntitle: 三稿\n---\n');
    await new Promise((r) => setTimeout(r, 20));
    const asked = preview.rebuild();
    writeFileSync(file, '---\ntitle: 四稿\n---\n');
    await new Promise((r) => setTimeout(r, 30));
    await preview.close();
    server = undefined;
    await expect(asked).resolves.toMatchObject({ ok: true });
  });

  it('shows problems over the last good page and recovers when fixed', async () => {
    let next: PreviewBuild = goodBuild('（正确版）');
    const preview = await start(async () => next);
    next = brokenBuild;
    const broken = await preview.rebuild();
    expect(broken.ok).toBe(false);
    const html = await fetch(preview.url).then((r) => r.text());
    expect(html).toContain('id="gazette-overlay"');
    const text = textOf(html);
    expect(text).toContain('构建失败：1 个错误，1 个警告');
    expect(text).toContain('documents/2021-4/cf-46.md:4:9');
    expect(text).toContain('发文字号“长府[2021]46号”的年份应使用六角括号〔〕。');
    expect(text).toContain('修改建议：改为 长府〔2021〕46号');
    expect(text).toContain('documents/2021-4/cf-51.md:2');
    // Problem text is escaped, not interpreted.
    expect(html).toContain('标题&lt;未&gt;以发文机关开头。');
    // The last good build is still under the overlay, PDF included.
    expect(text).toContain('（正确版）');
    expect((await fetch(new URL('/gazette.pdf', preview.url))).status).toBe(200);
    expect(lines.some((line) => line.includes('1 个错误'))).toBe(true);

    next = goodBuild('（修正版）');
    const fixed = await preview.rebuild();
    expect(fixed.ok).toBe(true);
    const recovered = await fetch(preview.url).then((r) => r.text());
    expect(recovered).not.toContain('gazette-overlay');
    expect(textOf(recovered)).toContain('（修正版）');
  });

  it('speaks English when asked, problems as given', async () => {
    server = await startPreview({ port: 0, build: async () => brokenBuild, log: (line) => lines.push(line), lang: 'en' });
    const text = textOf(await fetch(server.url).then((r) => r.text()));
    expect(text).toContain('Build failed: 1 error(s), 1 warning(s)');
    expect(text).toContain('Fix: 改为 长府〔2021〕46号');
    expect(lines.some((line) => line.startsWith('Build failed'))).toBe(true);
  });

  it('lists warnings without blocking the page', async () => {
    const preview = await start(async () => ({ ...goodBuild(), problems: [brokenBuild.problems[1]!] }));
    const html = await fetch(preview.url).then((r) => r.text());
    expect(html).not.toContain('id="gazette-overlay"');
    expect(html).toContain('id="gazette-warnings"');
    expect(textOf(html)).toContain('1 个警告');
  });

  it('shows the overlay on an empty page when no build ever succeeded, and reports a crashing build', async () => {
    let fail = true;
    const preview = await start(async () => {
      if (fail) throw new Error('模板缺失');
      return goodBuild();
    });
    const html = await fetch(preview.url).then((r) => r.text());
    expect(html).toContain('id="gazette-overlay"');
    expect(textOf(html)).toContain('构建时发生内部错误：模板缺失');
    expect(textOf(html)).toContain('草稿');
    expect((await fetch(new URL('/gazette.pdf', preview.url))).status).toBe(404);
    fail = false;
    await preview.rebuild();
    expect(await fetch(preview.url).then((r) => r.text())).not.toContain('gazette-overlay');
  });

  it('answers an unparsable request target with 400, not a crash', async () => {
    const preview = await start(async () => goodBuild());
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(preview.port, '127.0.0.1', () => socket.write(`GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${preview.port}\r\nConnection: close\r\n\r\n`));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(preview.url)).status).toBe(200);
  });

  it('never serves a half-built state: requests during a build get the previous complete result', async () => {
    let release: () => void = () => {};
    let first = true;
    const preview = await start(async () => {
      if (first) {
        first = false;
        return goodBuild('（旧版）');
      }
      await new Promise<void>((resolve) => (release = resolve));
      return goodBuild('（新版）');
    });
    const building = preview.rebuild();
    await new Promise((r) => setTimeout(r, 30));
    const during = await fetch(preview.url).then((r) => r.text());
    expect(textOf(during)).toContain('（旧版）');
    expect(during).toContain('content="1"');
    release();
    await building;
    const after = await fetch(preview.url).then((r) => r.text());
    expect(textOf(after)).toContain('（新版）');
    expect(after).toContain('content="2"');
  });
});

describe('startPreview ports', () => {
  let blocker: Server;
  let blockedPort: number;

  beforeEach(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    blockedPort = (blocker.address() as { port: number }).port;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('explains in Chinese which port is taken and what to do', async () => {
    let builds = 0;
    const attempt = startPreview({ port: blockedPort, build: async () => (builds++, goodBuild()), log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`端口 ${blockedPort} 已被占用`);
    await expect(attempt).rejects.toThrow(`--port ${blockedPort + 1}`);
    expect(builds).toBe(0);
    await expect(startPreview({ port: blockedPort, build: async () => goodBuild(), log: () => {}, lang: 'en' })).rejects.toThrow(
      `Port ${blockedPort} is already in use`,
    );
  });

  it('picks the next free port when asked to search', async () => {
    const preview = await startPreview({ port: blockedPort, portSearch: true, build: async () => goodBuild(), log: () => {} });
    try {
      expect(preview.port).toBeGreaterThan(blockedPort);
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });
});

describe('openBrowser', () => {
  it('resolves false instead of crashing when no opener exists', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'gazette-empty-path-'));
    try {
      await expect(openBrowser('http://127.0.0.1:4173/')).resolves.toBe(false);
    } finally {
      rmSync(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = path;
    }
  });
});
