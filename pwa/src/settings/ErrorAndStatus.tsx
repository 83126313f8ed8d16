/** A Settings section's failure (an alert) and its latest outcome (a polite status line). */
export function ErrorAndStatus({
  error,
  message,
}: {
  error: string | undefined;
  message: string | undefined;
}) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="status-line" role="status">
        {message}
      </p>
    </>
  );
}
