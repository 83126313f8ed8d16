interface Props {
  enrolled: boolean;
  workspace: string | undefined;
  retentionDays: number | undefined;
}

/** What Sightline records, never records, shares and keeps, in plain words. */
export function PrivacySection({ enrolled, workspace, retentionDays }: Props) {
  return (
    <section aria-labelledby="privacy">
      <h2 id="privacy">Privacy</h2>
      <h3>What is recorded</h3>
      <ul>
        <li>The hostname of a known AI tool when you visit it, such as chatgpt.com.</li>
        <li>
          AI services called from inside a site you use: only that site’s hostname and the AI
          service’s, never the page itself, and only if you allow access to all sites.
        </li>
        <li>AI browser extensions installed in this browser.</li>
        <li>Your flags: the site, the purpose, the kinds of data and the note you write.</li>
      </ul>
      <h3>What is never recorded</h3>
      <p>
        Full addresses, paths, searches, page titles, page content, prompts or anything you type
        into a site. Sites that are not AI tools are not recorded at all.
      </p>
      <h3>What is shared, and with whom</h3>
      {enrolled ? (
        <p>
          What is recorded is shared with the governance team of the workspace{' '}
          <strong>{workspace ?? 'you enrolled in'}</strong>, under a random reporter id rather than
          your name. The section “What your workspace can see” below shows exactly what they
          receive.
        </p>
      ) : (
        <p>
          Nothing. Until you enrol this browser in a workspace, nothing leaves it. Once enrolled,
          what is recorded is shared with your workspace’s governance team under a random reporter
          id rather than your name.
        </p>
      )}
      <h3>How long it is kept</h3>
      <p data-testid="retention">
        {retentionDays === undefined
          ? 'This browser deletes its records after a fixed number of days.'
          : `This browser keeps its records for ${retentionDays} days, then deletes them.`}{' '}
        You can export or delete them at any time below.
      </p>
    </section>
  );
}
