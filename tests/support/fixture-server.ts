// Static server for the end-to-end fixture pages. Node built-ins only, and plain
// type-annotated TypeScript (no enums/namespaces) so it also runs under type stripping.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

const STRICT_CSP = "default-src 'none'; style-src 'self'";
// Pages served with a real CSP header, not only the <meta> one, so the browser enforces it as a site would.
const CSP_BY_PATH: Record<string, string> = { '/strict-csp.html': STRICT_CSP };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

export async function startFixtureServer(options: { port?: number; host?: string } = {}): Promise<FixtureServer> {
  const host = options.host ?? '127.0.0.1';
  const generated = new Map<number, string>();
  const page = (elements: number) => generated.get(elements) ?? generated.set(elements, generateLargePage(elements)).get(elements) ?? '';
  const server = createServer((req, res) => {
    handle(req, res, page).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    url: (path) => new URL(path.replace(/^\/+/, ''), `${origin}/`).href,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** Generated pages: 20,000 elements (bench and e2e), 200,000 (a huge page: no long task of ours). */
const GENERATED: Record<string, number> = { '/large.html': 20_000, '/huge.html': 200_000 };

async function handle(req: IncomingMessage, res: ServerResponse, generated: (elements: number) => string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
  }
  const elements = Object.hasOwn(GENERATED, pathname) ? GENERATED[pathname] : 0;
  if (elements) return send(res, 200, CONTENT_TYPES['.html'], generated(elements), req.method);
  if (pathname.endsWith('/')) pathname += 'index.html';

  const file = resolve(PAGES_DIR, `.${pathname}`);
  if (pathname.includes('\0') || !file.startsWith(PAGES_DIR.endsWith(sep) ? PAGES_DIR : PAGES_DIR + sep)) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
  }
  const info = await stat(file).catch(() => undefined);
  // Browsers ask for /favicon.ico on their own; a 404 would show up as a console error in every test.
  if (!info?.isFile() && pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');

  const csp = CSP_BY_PATH[pathname];
  if (csp) res.setHeader('Content-Security-Policy', csp);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(res, 200, type, withPort(await readFile(file), type, req.socket.localPort), req.method);
}

/** Pages that need an absolute or protocol-relative URL of this server write its port as __PORT__ (it differs per run). */
function withPort(body: Buffer, type: string, port: number | undefined): Buffer | string {
  if (!type.startsWith('text/html') || port === undefined || !body.includes('__PORT__')) return body;
  return body.toString('utf8').replaceAll('__PORT__', String(port));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, method?: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

const PROBE_SCRIPT = `<script>
  // First-paint probe: rAF callbacks run before the frame is painted, so these are the sizes of the first painted frame.
  requestAnimationFrame(function () {
    window.__firstFrame = Array.prototype.map.call(document.querySelectorAll('[data-probe]'), function (el) {
      return { probe: el.getAttribute('data-probe'), fontSize: parseFloat(getComputedStyle(el).fontSize) };
    });
  });
</script>`;

const LARGE_CSS = `
  html { font-size: 100%; }
  body { margin: 0; font: 15px/1.6 Arial, Helvetica, sans-serif; color: #222; }
  header { background: #0b4ea2; color: #fff; padding: 12px 20px; }
  header .site { font-size: 24px; font-weight: bold; margin: 0; }
  nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 0; padding: 0; list-style: none; }
  nav a { color: #fff; font-size: 13px; }
  main { max-width: 960px; margin: 0 auto; padding: 0 20px; }
  section h2 { font-size: 22px; margin: 1.2em 0 .4em; }
  p.u-rem { font-size: 1rem; }
  p.u-em { font-size: 0.95em; }
  p.u-px { font-size: 14px; }
  p.u-pct { font-size: 110%; }
  li { font-size: 0.9em; }
  .note { font-size: 12px; color: #555; }
  table { border-collapse: collapse; font-size: 13px; margin: 1em 0; }
  th, td { border: 1px solid #999; padding: 2px 6px; }
  footer { font-size: 80%; padding: 20px; border-top: 1px solid #ccc; }
`;

const WORDS = [
  'The ministry published revised guidelines on energy efficiency for small manufacturers.',
  'Regional offices will accept applications for the subsidy programme until the end of the fiscal year.',
  'Survey results show steady growth in exports of precision machinery and electronic components.',
  'A public consultation on the draft amendment is open to businesses and individuals alike.',
  'Officials from both countries exchanged views on supply-chain resilience and trade facilitation.',
];
const UNIT_CLASSES = ['u-rem', 'u-em', 'u-px', 'u-pct'];
const TABLE_EVERY = 8;

/** A deterministic page with at least `elementCount` elements (mixed px/rem/em/% sizes). */
export function generateLargePage(elementCount = 20_000): string {
  let count = 0;
  // Tags that are always present in the document, outside the generated sections.
  const fixed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'p', 'nav', 'ul', 'main', 'footer', 'div', 'script'];
  count += fixed.length + 6 * 2; // plus six nav items, each <li><a>
  const el = (tag: string, attrs: string, inner: string): string => {
    count++;
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
  const sentence = (i: number): string => WORDS[i % WORDS.length];

  const sections: string[] = [];
  for (let s = 0; count < elementCount; s++) {
    const probe = (name: string): string => (s === 0 ? ` data-probe="${name}"` : '');
    const parts: string[] = [el('h2', probe('heading'), `Section ${s + 1}: ${sentence(s).split(' ').slice(1, 5).join(' ')}`)];
    for (let p = 0; p < 4; p++) {
      const text = `${sentence(s + p)} ${el('strong', '', `Item ${s + 1}.${p + 1}`)} ${el('a', ' href="#"', 'details')} ${el('span', ' class="note"', `(ref. ${1000 + s * 4 + p})`)}`;
      parts.push(el('p', ` class="${UNIT_CLASSES[(s + p) % UNIT_CLASSES.length]}"${p === 0 ? probe('body-paragraph') : ''}`, text));
    }
    const items: string[] = [];
    for (let i = 0; i < 5; i++)
      items.push(el('li', i === 0 ? probe('list-item') : '', `${sentence(s + i + 2)} ${el('small', '', `#${i + 1}`)}`));
    parts.push(el('ul', '', items.join('')));
    if (s % TABLE_EVERY === TABLE_EVERY - 1) parts.push(largeTable(s, el));
    sections.push(el('section', ` id="s${s + 1}"`, parts.join('\n')));
  }

  const navItems = ['Home', 'News', 'Policies', 'Statistics', 'About', 'Contact'].map((n) => `<li><a href="#">${n}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Large fixture page (${elementCount} elements)</title>
<style>${LARGE_CSS}</style>
</head>
<body>
<header><p class="site">Large Fixture Ministry</p><nav aria-label="Global"><ul>${navItems}</ul></nav></header>
<main>
${sections.join('\n')}
</main>
<footer data-probe="footer">Generated fixture page with ${sections.length} sections.</footer>
<div id="append-target"></div>
${PROBE_SCRIPT}
</body>
</html>
`;
}

function largeTable(s: number, el: (tag: string, attrs: string, inner: string) => string): string {
  const head = el('tr', '', ['Region', 'FY2016', 'FY2017', 'Change'].map((h) => el('th', ' scope="col"', h)).join(''));
  const rows: string[] = [];
  for (let r = 0; r < 4; r++) {
    const a = 100 + ((s * 7 + r * 13) % 50);
    const b = a + ((s + r) % 9) - 3;
    rows.push(el('tr', '', [`Region ${r + 1}`, String(a), String(b), `${b - a}`].map((c) => el('td', '', c)).join('')));
  }
  return el('table', '', `${el('caption', '', `Table ${s + 1}: shipments`)}${el('thead', '', head)}${el('tbody', '', rows.join(''))}`);
}
