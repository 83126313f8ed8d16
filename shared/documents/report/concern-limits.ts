// The concern form's limits, apart from the document code: the extension's popup imports them, and
// importing concerns.ts would bring Yjs into the popup (84 KB it parses before its first render).

/** The longest "what happened" an employee's concern may hold. */
export const MAX_CONCERN_TEXT = 2000;
