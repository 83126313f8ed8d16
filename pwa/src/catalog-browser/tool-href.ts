/** The address of one tool in the tool catalog (`#/tools/<id>`). */
export const toolHref = (id: string) => `#/tools/${encodeURIComponent(id)}`;
