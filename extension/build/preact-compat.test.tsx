import { createRoot as compatCreateRoot } from 'preact/compat/client';
import * as compat from 'preact/compat';
import { StrictMode, useId, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';

// The extension's pages ship on Preact (extension/build/preact-compat.ts): their DOM tests must
// resolve 'react' the same way, or they would test a React the popup no longer carries.
describe('the extension pages’ React imports', () => {
  it('resolve to preact/compat, as in the extension’s build', () => {
    expect(useState).toBe(compat.useState);
    expect(useId).toBe(compat.useId);
    expect(StrictMode).toBe(compat.StrictMode);
    expect(createRoot).toBe(compatCreateRoot);
  });
});
