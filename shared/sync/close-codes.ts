/**
 * WebSocket close code the relay sends when it cannot store changes (docs/sync.md DR2): the
 * client keeps its edits, reconnects and sends them again. Shared so clients can say why.
 */
export const STORAGE_UNAVAILABLE_CODE = 4503;
