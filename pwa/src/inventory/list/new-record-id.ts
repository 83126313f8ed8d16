/** A new record's id: 128 random bits as 32 hex digits (a UUID without its dashes fits the id rule). */
export const newRecordId = (): string => crypto.randomUUID().replaceAll('-', '');
