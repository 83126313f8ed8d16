import { afterEach, describe, expect, it } from 'vitest';
import type { SiteInfo } from '../background/messages.ts';
import { fakeBackgroundClient } from '../ui/fake-background-client.ts';
import { byButton, byLabel, cleanup, click, render, submit, type } from '../ui/render-for-test.tsx';
import { ConcernSection } from './ConcernSection.tsx';

afterEach(cleanup);

const chatgpt: SiteInfo = {
  host: 'chatgpt.com',
  tool: { toolKey: 'chatgpt', name: 'ChatGPT', vendor: 'OpenAI', category: 'chat-assistant' },
};

async function section(client = fakeBackgroundClient(), site: SiteInfo | undefined = chatgpt) {
  const view = await render(<ConcernSection client={client} site={site} enrolled />);
  await click(byButton(view.container, 'Report a concern about an AI tool'));
  const preview = () =>
    view.container.querySelector('[aria-label="What will be sent"] dl')?.textContent ?? '';
  return { ...view, client, preview };
}

describe('popup: report a concern (docs/privacy.md)', () => {
  it('shows exactly what will be sent before sending, and sends only that, without a name', async () => {
    const { container, client, preview } = await section();
    await type(byLabel(container, 'What happened?'), '  It invented a refund policy  ');
    expect(preview()).toBe(
      'ToolChatGPTSitechatgpt.comWhat happenedIt invented a refund policyFromNo name: a random id of this browser’s extension',
    );
    await submit(container.querySelector('form'));
    expect(client.calls.find((c) => c.method === 'concern')?.args).toEqual([
      {
        host: 'chatgpt.com',
        toolKey: 'chatgpt',
        toolName: 'ChatGPT',
        what: 'It invented a refund policy',
      },
    ]);
    expect(container.querySelector('[role=status]')?.textContent).toContain(
      'your concern is recorded',
    );
  });

  it('sends a name only when the employee chooses to give it', async () => {
    const { container, client, preview } = await section();
    await type(byLabel(container, 'What happened?'), 'Biased answer about a colleague');
    await click(byLabel(container, /Give my name/));
    await type(byLabel(container, 'Your name'), 'Sam Lee');
    expect(preview()).toContain('FromSam Lee');
    await click(byLabel(container, /Give my name/));
    expect(preview()).toContain('FromNo name');
    await submit(container.querySelector('form'));
    const sent = client.calls.find((c) => c.method === 'concern')?.args[0] as object;
    expect(sent).not.toHaveProperty('name');
  });

  it('refuses an empty concern and shows the worker’s refusal, keeping what was typed', async () => {
    const client = fakeBackgroundClient({ concern: async () => ({ error: 'the worker is busy' }) });
    const { container } = await section(client);
    await submit(container.querySelector('form'));
    expect(container.querySelector('[role=alert]')?.textContent).toContain('say what happened');
    expect(client.calls.some((c) => c.method === 'concern')).toBe(false);
    await type(byLabel(container, 'What happened?'), 'Leaked a customer name');
    await submit(container.querySelector('form'));
    expect(container.querySelector('[role=alert]')?.textContent).toContain('the worker is busy');
    expect((byLabel(container, 'What happened?') as HTMLTextAreaElement).value).toBe(
      'Leaked a customer name',
    );
  });
});
