import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import setup from './global-setup.ts';

function fakeProject() {
  const provided: Record<string, unknown> = {};
  return {
    provided,
    project: {
      provide: (key: string, value: unknown) => (provided[key] = value),
    } as unknown as TestProject,
  };
}

describe('end-to-end global setup without a browser', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('skips loudly, in one line, when there is no Chromium', () => {
    vi.stubEnv('CHROMIUM', '/nonexistent/chromium');
    vi.stubEnv('REQUIRE_E2E', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { project, provided } = fakeProject();
    setup(project);
    expect(provided.chromium).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /END-TO-END TESTS SKIPPED.*\/nonexistent\/chromium/,
    );
    warn.mockRestore();
  });

  it('fails instead under REQUIRE_E2E=1', () => {
    vi.stubEnv('CHROMIUM', '/nonexistent/chromium');
    vi.stubEnv('REQUIRE_E2E', '1');
    expect(() => setup(fakeProject().project)).toThrow(/REQUIRE_E2E=1 but no Chromium/);
  });
});
