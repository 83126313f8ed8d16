import type { Browser, BrowserContext, WebSocketRoute } from 'playwright-core';

export interface CuttableContext {
  context: BrowserContext;
  setOffline(value: boolean): Promise<void>;
}

/**
 * A browser context whose network can be cut. Playwright's setOffline does not close open
 * WebSockets, so the relay's socket goes through a route that is closed, and refuses to connect,
 * while the context is offline: the page sees what it would on a real loss of network.
 */
export async function cuttableContext(browser: Browser): Promise<CuttableContext> {
  const context = await browser.newContext();
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/sync$/, (ws) => {
    if (offline) return void ws.close({ code: 1006, reason: 'offline' }).catch(() => {});
    const server = ws.connectToServer();
    open.add(ws);
    ws.onClose(() => (open.delete(ws), void server.close().catch(() => {})));
    server.onClose(() => (open.delete(ws), void ws.close().catch(() => {})));
  });
  return {
    context,
    async setOffline(value: boolean) {
      offline = value;
      await context.setOffline(value);
      if (value) await Promise.all([...open].map((ws) => ws.close().catch(() => {})));
    },
  };
}
