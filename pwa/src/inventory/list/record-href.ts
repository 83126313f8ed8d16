/** The address of one record's page. */
export const recordHref = (id: string) => `#/inventory/${encodeURIComponent(id)}`;
