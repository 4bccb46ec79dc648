// Headers every HTML page gets from proxy.ts. Pure, so a test can read the policy word for word.

/** A fresh, unguessable nonce per response (128 bits, base64 as CSP's nonce-source wants). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page CSP (Next's CSP guide, nonce variant). Scripts run only with this response's nonce; what
 * they load themselves (Next's chunks, bpmn-js loaded by dynamic import) is trusted through
 * 'strict-dynamic', and host lists are then ignored by CSP3 browsers. Next reads the nonce from the
 * request's copy of this header and puts it on its own script tags.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's dev build evaluates source maps and refresh code with eval(); never in production.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // Styles need 'unsafe-inline': React renders style="…" attributes (organisation colours), and
    // bpmn-js/diagram-js write inline style attributes on the canvas, its palette, popups and the
    // exported SVG. Attributes cannot carry a nonce. Style injection cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // data: for the bpmn.io watermark logo and the fonts bpmn-font's CSS inlines; blob: and data: for
    // the PNG export (the SVG is drawn on a canvas through an image) and the download links.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Strict-Transport-Security for a page served over HTTPS (RFC 6797); null when off or over HTTP. */
export function strictTransportSecurity(servedOverHttps: boolean, maxAgeSeconds: number): string | null {
  if (!servedOverHttps || maxAgeSeconds <= 0) return null;
  return `max-age=${maxAgeSeconds}`;
}
