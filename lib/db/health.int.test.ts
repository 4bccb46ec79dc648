import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from './generated/client';
import { checkDatabase, healthReport, type DatabaseHealth } from './health';

// A tiny TCP proxy in front of the test database lets the test cut PostgreSQL off and bring it back
// without touching the real server: the same client must report "down" and then recover by itself.

class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(5432, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

async function pollUntil(client: PrismaClient, wanted: DatabaseHealth, attempts = 40): Promise<DatabaseHealth> {
  let last: DatabaseHealth = wanted === 'ok' ? 'down' : 'ok';
  for (let i = 0; i < attempts && last !== wanted; i++) last = await checkDatabase(client, 1000);
  return last;
}

const proxy = new Proxy();
let client: PrismaClient | undefined;

afterAll(async () => {
  await client?.$disconnect();
  await proxy.close();
});

describe('database health', () => {
  it('answers ok through the app client', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    await proxy.open();
    url.port = String(proxy.port);
    url.hostname = '127.0.0.1';
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), connectionTimeoutMillis: 1000 }) });
    expect(await healthReport(client)).toEqual({ status: 'ok', db: 'ok' });
  });

  it('says down when PostgreSQL is unreachable and recovers without a new client', async () => {
    expect(client).toBeDefined();
    await proxy.close();
    expect(await pollUntil(client!, 'down')).toBe('down');
    expect(await healthReport(client)).toEqual({ status: 'degraded', db: 'down' });

    await proxy.open(); // same port: the client's configuration is unchanged
    expect(await pollUntil(client!, 'ok')).toBe('ok');
    expect(await healthReport(client)).toEqual({ status: 'ok', db: 'ok' });
  });

  it('says down within its timeout when the database hangs instead of refusing', async () => {
    const hanging = { $queryRaw: () => new Promise<unknown>(() => {}) };
    const started = Date.now();
    expect(await checkDatabase(hanging, 200)).toBe('down');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
