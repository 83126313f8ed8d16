import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readOwnControls } from '../../../../shared/documents/registry/index.ts';
import { button, choose, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { OwnControls } from './OwnControls.tsx';

/** SOA1 and SOA2 (docs/assessments.md) on the SoA page. */

afterEach(cleanup);
const AT = Date.UTC(2026, 10, 5, 9);

describe("the SoA's own controls", () => {
  it('a lead adds a reused ISO 27001 control; a missing justification is refused, nothing written', async () => {
    const doc = new Y.Doc();
    const view = await render(<OwnControls registry={doc} canEdit me="lead" now={() => AT} />);
    await click(button(view, 'Add own control'));
    await type(field(view, 'Reference'), 'ORG-2');
    await type(field(view, 'Title'), 'Logging standard on AI gateways');
    await type(field(view, 'ISO/IEC 27001:2022 control'), 'a.8.15');
    const before = Y.encodeStateAsUpdate(doc);
    await click(button(view, 'Save own control'));
    expect(view.querySelector('[role="alert"]')!.textContent).toMatch(
      /needs a justification for its inclusion/,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    await type(field(view, 'Justification for inclusion'), 'Prompts must be traceable.');
    await choose(field(view, 'Implementation'), 'implemented');
    await click(button(view, 'Save own control'));
    expect(readOwnControls(doc).controls).toMatchObject([
      { ref: 'ORG-2', iso27001: 'A.8.15', applicable: true, implementation: 'implemented' },
    ]);
    expect(view.querySelector('article')!.textContent).toContain('A.8.15 Logging');
    expect(view.querySelector('article')!.textContent).toContain(
      'Justification for inclusionPrompts must be traceable.',
    );
  });

  it('is read only for a contributor', async () => {
    const view = await render(
      <OwnControls registry={new Y.Doc()} canEdit={false} me="c" now={() => AT} />,
    );
    expect(view.querySelector('button')).toBeNull();
  });
});
