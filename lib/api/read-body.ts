import { AppError } from '@/lib/errors';

function tooLarge(maxBytes: number): AppError {
  const mb = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return new AppError('PAYLOAD_TOO_LARGE', `The request body is too large: the limit is ${mb} MB.`, { reason: 'TOO_LARGE', maxBytes });
}

/**
 * Reads a request body without ever holding more than `maxBytes`: a declared Content-Length over the
 * limit is refused before reading, and a body that grows past it (chunked, or a lying header) is cut
 * off as soon as it does.
 */
export async function readLimitedBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** An XML body as text, decoded with its declared encoding (see decodeXml). */
export async function readLimitedText(req: Request, maxBytes: number): Promise<string> {
  return decodeXml(await readLimitedBytes(req, maxBytes));
}

const DECLARED_ENCODING = /^<\?xml\s[^?]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/**
 * XML says its encoding in its declaration; one real file in thirty is not UTF-8 (STACK-NOTES). Decode
 * with the declared encoding when the platform knows it, so å, ä and ö survive; otherwise as UTF-8.
 */
function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).replace(/^\u00EF\u00BB\u00BF/, '');
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // Unknown label: fall through to UTF-8; the parser warns about the declared encoding.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
