/** What a device that has not joined a workspace sees. */
export function Welcome({ error }: { error?: string | undefined }) {
  return (
    <div className="prose">
      <h1>Welcome to Sightline</h1>
      <p>
        Sightline finds the AI your organisation already uses and helps you govern it: triage what
        the browser extension discovers, classify each tool, and co-edit ISO/IEC 42001 assessments,
        online or offline.
      </p>
      {error && (
        <p role="alert" className="notice">
          {error}
        </p>
      )}
      <p className="muted">
        This device has not joined a workspace yet. Open the join link your administrator sent you,
        or the one <code>sightline serve</code> printed.
      </p>
    </div>
  );
}
