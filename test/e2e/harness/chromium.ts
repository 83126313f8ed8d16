import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one named by $CHROMIUM; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.CHROMIUM ? [env.CHROMIUM] : ['/usr/bin/chromium'];
  return candidates.find((path) => existsSync(path));
}

/**
 * Flags verified on these machines (../shared/reference/browser-testing.md): no sandbox as root,
 * and no background networking, which this closed network refuses many times a second.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Chromium's flags with one unpacked extension loaded, and nothing else. */
export function extensionArgs(extensionDir: string, extra: readonly string[] = []): string[] {
  return [
    ...chromiumArgs,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...extra,
  ];
}
