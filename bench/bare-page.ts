import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// The baseline: bpmn-js's own bundle on an otherwise empty page fetches the XML and draws it.
// Same library version and the same XML as the app, so the ratio shows what Stafett adds.
const ROOT = path.resolve(__dirname, '..');
const dist = (file: string) => path.join(ROOT, 'node_modules', 'bpmn-js', 'dist', file);

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/diagram-js.css"><link rel="stylesheet" href="/assets/bpmn-js.css">
<style>html,body,#canvas{height:100%;margin:0}</style></head>
<body><div id="canvas"></div>
<script src="/viewer.js"></script>
<script>
  (async () => {
    const xml = await (await fetch('/diagram.bpmn')).text();
    const viewer = new (window.BpmnJS)({ container: '#canvas' });
    await viewer.importXML(xml);
    requestAnimationFrame(() => { window.__rendered = performance.now(); });
  })();
</script></body></html>`;

export type BarePage = { url: string; close: () => Promise<void> };

export async function serveBarePage(xml: string, bundle: 'bpmn-viewer' | 'bpmn-modeler'): Promise<BarePage> {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html', body: PAGE },
    '/viewer.js': { type: 'text/javascript', body: readFileSync(dist(`${bundle}.production.min.js`)) },
    '/assets/diagram-js.css': { type: 'text/css', body: readFileSync(dist('assets/diagram-js.css')) },
    '/assets/bpmn-js.css': { type: 'text/css', body: readFileSync(dist('assets/bpmn-js.css')) },
    '/diagram.bpmn': { type: 'application/xml', body: xml },
  };
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? '/'];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
