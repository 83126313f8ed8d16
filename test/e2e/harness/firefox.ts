import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { root, runTool } from '../../../scripts/run-tool.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** The add-on id the Firefox build declares (wxt.config.ts, browser_specific_settings.gecko). */
export const FIREFOX_ADDON_ID = 'sightline@sightline.invalid';
/** Fixed for the test profile (pref `extensions.webextensions.uuids`): its pages' moz-extension host. */
export const FIREFOX_ADDON_UUID = '5d1f3a2e-7b4c-4e8a-9f60-1c2d3e4f5a6b';
export const firefoxExtensionDir = join(root, '.output', 'firefox-mv2');

/** Debian's firefox-esr, or the one named by $FIREFOX; undefined when there is none. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.FIREFOX ? [env.FIREFOX] : ['/usr/bin/firefox-esr'];
  return candidates.find((path) => existsSync(path));
}

/** Whether the Firefox end-to-end tests run: skipped loudly without it, failed under REQUIRE_E2E=1. */
export function hasFirefox(): boolean {
  if (findFirefox()) return true;
  const where = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  if (process.env.REQUIRE_E2E === '1')
    throw new Error(`REQUIRE_E2E=1 but no Firefox at ${where}: apt-get install firefox-esr`);
  console.warn(`\n!!!!! FIREFOX END-TO-END TESTS SKIPPED: no Firefox at ${where} !!!!!\n`);
  return false;
}

/** Builds the Firefox add-on from the current source (unless E2E_SKIP_BUILD=1 and it exists). */
export function buildFirefoxAddon(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(firefoxExtensionDir, 'manifest.json')))
    return;
  runTool('wxt', ['build', '-b', 'firefox'], { quiet: true });
}

// Firefox on Linux reads enterprise policy from here; writing it needs root (like Chromium's).
const POLICY_DIR = '/etc/firefox/policies';
export const canWriteFirefoxPolicy = process.getuid?.() === 0;

/**
 * Writes Firefox's enterprise policy with the extension's managed storage (`3rdparty.Extensions`),
 * as an admin would; returns what removes it again. Firefox reads it at start-up.
 */
export function writeFirefoxPolicy(settings: Record<string, unknown>): () => void {
  const file = join(POLICY_DIR, 'policies.json');
  if (existsSync(file))
    throw new Error(`${file} exists already: not overwriting an admin's policy`);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ADDON_ID]: settings } } } }),
  );
  return () => rmSync(file, { force: true });
}

/**
 * A forward proxy for HTTPS that sends every CONNECT to one local server: Firefox has no
 * host-resolver rules, so real AI hostnames reach the fake sites through it (the extension sees
 * the real hostnames). Plain http to 127.0.0.1 (the relay) does not go through a proxy.
 */
export async function startTunnelTo(
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((client) => {
    client.once('data', (head) => {
      if (!/^CONNECT /.test(head.toString('latin1'))) return void client.destroy();
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        client.pipe(upstream).pipe(client);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** A WebDriver BiDi session with stock Firefox (no driver binary: Firefox speaks it itself). */
export interface FirefoxSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Opens a tab at `url`; its browsing context id. */
  open(url: string): Promise<string>;
  /** Opens one of the add-on's pages (`options`, `popup`) in a tab, as the browser's UI does. */
  openExtensionPage(name: string): Promise<string>;
  /** Evaluates an expression (awaiting a promise) in a tab; its JSON-able value. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

interface BidiResult {
  type: 'success' | 'error' | 'event';
  id?: number;
  result?: Record<string, unknown>;
  error?: string;
  message?: string;
}

/** The value a `script.evaluate` answered, back as plain JSON (BiDi serialises it by type). */
function deserialise(value: { type: string; value?: unknown }): unknown {
  switch (value.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'array':
      return (value.value as { type: string }[]).map(deserialise);
    case 'object':
      return Object.fromEntries(
        (value.value as [string, { type: string }][]).map(([k, v]) => [k, deserialise(v)]),
      );
    default:
      return value.value;
  }
}

/**
 * Starts firefox-esr headless in a fresh profile with WebDriver BiDi on a free port, installs
 * the built add-on as a temporary add-on (`webExtension.install`), and returns the session.
 */
export async function launchFirefox(
  options: { proxyPort?: number; prefs?: Record<string, unknown>; args?: string[] } = {},
): Promise<FirefoxSession & { addonId: string }> {
  const executable = findFirefox();
  if (!executable) throw new Error('no Firefox: the suite should have been skipped');
  const profile = tempDir('sightline-firefox-');
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }),
    // A closed network: nothing Firefox would fetch on its own.
    'app.update.disabledForTesting': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'extensions.getAddons.cache.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'services.settings.server': 'data:,#remote-settings-disabled',
    ...(options.proxyPort
      ? {
          'network.proxy.type': 1,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': options.proxyPort,
          'network.proxy.no_proxies_on': '127.0.0.1, localhost',
        }
      : {}),
    ...options.prefs,
  };
  writeFileSync(
    join(profile.path, 'user.js'),
    Object.entries(prefs)
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless',
      '--no-remote',
      '--remote-debugging-port',
      '0',
      '--profile',
      profile.path,
      // Lets the test open the add-on's own pages in a tab (through the browser window's chrome
      // scope): BiDi refuses to navigate a tab to a moz-extension: address.
      '--remote-allow-system-access',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stderr?.on('data', read);
    child.stdout?.on('data', read);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  const socket = new WebSocket(`${wsUrl}/session`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as BidiResult;
    if (message.id === undefined) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'error')
      pending?.reject(new Error(`${message.error}: ${message.message ?? ''}`));
    else pending?.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  const installed = await send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: firefoxExtensionDir },
  });
  const session = {
    addonId: installed.extension,
    send,
    async open(url: string) {
      const { context } = await send<{ context: string }>('browsingContext.create', {
        type: 'tab',
      });
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    async openExtensionPage(name: string) {
      const url = `moz-extension://${FIREFOX_ADDON_UUID}/${name}.html`;
      const tree = await send<{ contexts: { context: string; url: string }[] }>(
        'browsingContext.getTree',
        { 'moz:scope': 'chrome' },
      );
      const window = tree.contexts[0]?.context;
      if (!window) throw new Error('no browser window');
      await send('script.evaluate', {
        expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, {
          triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); true`,
        target: { context: window },
        awaitPromise: false,
      });
      const start = Date.now();
      for (;;) {
        const tabs = await send<{ contexts: { context: string; url: string }[] }>(
          'browsingContext.getTree',
          {},
        );
        const tab = tabs.contexts.filter((c) => c.url === url).at(-1);
        if (tab) {
          // Its scripts have run once `browser` answers.
          await session.evaluate(tab.context, 'document.readyState');
          return tab.context;
        }
        if (Date.now() - start > 15_000) throw new Error(`${url} did not open`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async evaluate<T>(context: string, expression: string) {
      const answer = await send<{
        type: string;
        result?: { type: string; value?: unknown };
        exceptionDetails?: { text?: string };
      }>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        serializationOptions: { maxObjectDepth: 10 },
      });
      if (answer.type === 'exception')
        throw new Error(`in the page: ${answer.exceptionDetails?.text ?? 'an exception'}`);
      return deserialise(answer.result!) as T;
    },
    async close() {
      await send('browser.close').catch(() => undefined);
      socket.close();
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve(undefined);
        child.once('exit', resolve);
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve(undefined);
        }, 10_000);
      });
      profile.remove();
    },
  };
  return session;
}
