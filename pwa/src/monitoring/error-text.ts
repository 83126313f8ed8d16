/** What a refused change says, for a form's alert. */
export const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);
