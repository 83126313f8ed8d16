/** The address of one assessment's page. */
export const assessmentHref = (id: string) => `#/assessments/${encodeURIComponent(id)}`;

/** Assessment ids are document-name segments (lower case, URL-safe): a UUID fits. */
export const newAssessmentId = () => crypto.randomUUID();
