// Reads the JS heap of a page's dedicated worker (the engine's) over the Chrome DevTools Protocol. Playwright's
// Worker handle gives no CDP session of its own, so the page's session auto-attaches to its workers
// (Target.setAutoAttach, not flattened) and talks to the worker's target through Target.sendMessageToTarget /
// Target.receivedMessageFromTarget: Runtime.getHeapUsage there is V8's heap of the worker's isolate — its
// own, not the page's (each dedicated worker has an isolate of its own). Also: the page's heap, and the
// resident set of the browser's renderer processes (SystemInfo.getProcessInfo + /proc/PID/status).
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Runtime.getHeapUsage: the isolate's V8 heap, its embedder (Blink) heap, and ArrayBuffer backing stores. */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize: number;
  backingStorageSize: number;
}

/** All the isolate holds: V8's heap (used), the embedder's heap, and array buffers' backing stores. */
export const heldBytes = (h: HeapUsage) => h.usedSize + h.embedderHeapUsedSize + h.backingStorageSize;

export interface WorkerChannel {
  /** The worker's script URL (the engine's bundle). */
  readonly url: string;
  /** Sends one CDP command to the worker's target and waits for its answer. */
  send<T>(method: string, params?: object, timeoutMs?: number): Promise<T>;
  heap(): Promise<HeapUsage>;
}

/** Attaches to the page's dedicated worker whose URL matches `urlPart` (waits until it exists). */
export async function attachWorker(page: Page, urlPart: string, timeoutMs = 60_000): Promise<WorkerChannel> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (w === undefined) return;
    waiting.delete(msg.id as number);
    if (msg.error) w.reject(new Error(`worker CDP: ${msg.error.message}`));
    else w.resolve(msg.result);
  });
  const attached = new Promise<{ sessionId: string; url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no worker matching ${urlPart}`)), timeoutMs);
    cdp.on(
      'Target.attachedToTarget',
      (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
        if (e.targetInfo.type !== 'worker' || !e.targetInfo.url.includes(urlPart)) return;
        clearTimeout(timer);
        resolve({ sessionId: e.sessionId, url: e.targetInfo.url });
      },
    );
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const { sessionId, url } = await attached;
  const send = <T>(method: string, params: object = {}, timeout = 300_000): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`worker CDP ${method}: no answer in ${timeout} ms`));
      }, timeout);
      waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  };
  return { url, send, heap: () => send<HeapUsage>('Runtime.getHeapUsage') };
}

/** The page's own (main-thread) JS heap. */
export async function pageHeap(page: Page): Promise<HeapUsage> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await cdp.detach();
  }
}

/** The resident set (bytes) of each renderer process of `browser`, largest first; [] where /proc is not. */
export async function rendererRss(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const rss: number[] = [];
    for (const p of processInfo.filter((x) => x.type === 'renderer')) {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        if (m) rss.push(Number(m[1]) * 1024);
      } catch {
        // gone, or no /proc
      }
    }
    return rss.sort((a, b) => b - a);
  } finally {
    await cdp.detach();
  }
}
