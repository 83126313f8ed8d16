/**
 * The PWA's routes to a notification's subject, as plain strings (shared/ cannot import the PWA;
 * these mirror pwa/src's recordHref, assessmentHref and the incident and risk pages).
 */
const part = (id: string) => encodeURIComponent(id);

export const recordHref = (id: string) => `#/inventory/${part(id)}`;
export const assessmentHref = (id: string) => `#/assessments/${part(id)}`;
export const incidentHref = (id: string) => `#/incidents/${part(id)}`;
/** The risk register filtered to the risk's first system (there is no page per risk). */
export const riskHref = (systemId: string | undefined) =>
  systemId === undefined ? '#/risks' : `#/risks?system=${part(systemId)}`;
/** A management-system register (`#/aims/<register id>`). */
export const aimsHref = (registerId: string) => `#/aims/${part(registerId)}`;
