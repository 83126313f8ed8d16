import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { useTestServer } from '../../helpers/test-server.ts';

/** Finding 6 of issue 13: the relay served the PWA's source maps to anyone. */
const pwa = tempDir();
mkdirSync(join(pwa.path, 'assets'));
writeFileSync(join(pwa.path, 'index.html'), '<!doctype html><title>Sightline</title>');
writeFileSync(
  join(pwa.path, 'assets', 'index-abc.js'),
  'export {};\n//# sourceMappingURL=index-abc.js.map',
);
writeFileSync(
  join(pwa.path, 'assets', 'index-abc.js.map'),
  '{"version":3,"sources":["../src/app.tsx"]}',
);
const server = useTestServer({ pwaDir: pwa.path });
afterAll(() => pwa.remove());

describe('H17: the relay serves no source maps', () => {
  it('H17: answers 404 for a map left in the build, however it is asked for', async () => {
    expect((await fetch(`${server().url}/assets/index-abc.js`)).status).toBe(200);
    for (const path of [
      '/assets/index-abc.js.map',
      '/assets/INDEX-ABC.JS.MAP',
      '/assets/index-abc.js.map?x=1',
    ]) {
      const response = await fetch(server().url + path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('sources');
    }
  });
});
