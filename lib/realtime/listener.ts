import pg from 'pg';
import { env } from '@/lib/env';
import {
  COMMENT_CHANNEL,
  FLOW_CHANNEL,
  PRESENCE_CHANNEL,
  PRESENTATION_CHANNEL,
  type CommentNotice,
  type FlowNotice,
  type PresenceNotice,
  type PresentationNotice,
} from './channels';

// One dedicated LISTEN connection per app instance (never from the pool: a pooled connection would
// lose its LISTEN when handed back). Notifications sent while it is away are lost, so every
// (re)connect tells the subscribers to catch up from the database; a heartbeat notices a connection
// that died quietly (a killed backend, a restarted server) and reconnects.

export type FlowEvent =
  | { kind: 'change'; version: number }
  | { kind: 'presence' }
  | { kind: 'presentation'; code: string }
  | { kind: 'comment' }
  | { kind: 'resync' };
type Handler = (event: FlowEvent) => void;

const HEARTBEAT_MS = 10_000;
const MAX_RETRY_MS = 5_000;

export class FlowListener {
  private client: pg.Client | null = null;
  private connecting = false;
  private retryMs = 200;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();

  /** Ends the connection for good (tests that play several app instances in one process). */
  async close(): Promise<void> {
    this.handlers.clear();
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => undefined, 0); // blocks reconnecting
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  subscribe(flowId: string, handler: Handler): () => void {
    let set = this.handlers.get(flowId);
    if (!set) this.handlers.set(flowId, (set = new Set()));
    set.add(handler);
    void this.ensure();
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(flowId);
    };
  }

  private async ensure(): Promise<void> {
    if (this.client || this.connecting || this.retry) return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: 'stafett-listener', connectionTimeoutMillis: 3000, keepAlive: true });
    client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload));
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${FLOW_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}; LISTEN ${PRESENTATION_CHANNEL}; LISTEN ${COMMENT_CHANNEL}`);
    } catch {
      this.drop(client);
      return;
    }
    this.client = client;
    this.connecting = false;
    this.retryMs = 200;
    this.heartbeat = setInterval(() => {
      const timeout = setTimeout(() => this.drop(client), HEARTBEAT_MS / 2);
      client.query('SELECT 1').then(() => clearTimeout(timeout), () => this.drop(client));
    }, HEARTBEAT_MS);
    this.heartbeat.unref?.();
    // Whatever was committed before LISTEN took effect (or while we were away) is read now.
    this.broadcast({ kind: 'resync' });
  }

  private drop(client: pg.Client): void {
    if (this.client && this.client !== client) return;
    this.client = null;
    this.connecting = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.ensure();
    }, this.retryMs);
    this.retry.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private dispatch(channel: string, payload: string | undefined): void {
    try {
      if (channel === FLOW_CHANNEL) {
        const notice = JSON.parse(payload ?? '') as FlowNotice;
        this.emit(notice.flowId, { kind: 'change', version: notice.version });
      } else if (channel === PRESENCE_CHANNEL) {
        const notice = JSON.parse(payload ?? '') as PresenceNotice;
        this.emit(notice.flowId, { kind: 'presence' });
      } else if (channel === PRESENTATION_CHANNEL) {
        const notice = JSON.parse(payload ?? '') as PresentationNotice;
        this.emit(notice.flowId, { kind: 'presentation', code: notice.code });
      } else if (channel === COMMENT_CHANNEL) {
        const notice = JSON.parse(payload ?? '') as CommentNotice;
        this.emit(notice.flowId, { kind: 'comment' });
      }
    } catch {
      // A payload we did not write: ignore it; the periodic catch-up covers anything real.
    }
  }

  private emit(flowId: string, event: FlowEvent): void {
    for (const handler of this.handlers.get(flowId) ?? []) handler(event);
  }

  private broadcast(event: FlowEvent): void {
    for (const set of this.handlers.values()) for (const handler of set) handler(event);
  }
}

const globalForListener = globalThis as unknown as { stafettListener?: FlowListener };

/** This instance's listener, started on first use. */
export function flowListener(): FlowListener {
  globalForListener.stafettListener ??= new FlowListener();
  return globalForListener.stafettListener;
}
