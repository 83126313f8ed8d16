import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseDocumentName } from '../../shared/documents/names.ts';
import { isCheckpointed } from '../history/checkpointer.ts';
import { NoCheckpointError } from '../history/restore-document.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { DocumentHistory } from '../relay/relay.ts';
import { bearerToken, HttpError, readJson, sendJson } from './json.ts';

/**
 * Checkpoints and restoring a document, for the workspace's admins (docs/sync.md DR7–DR8):
 * `GET /api/history?document=W/registry` lists them, newest first; `POST /api/history/restore`
 * `{"document", "at": ISO time, "preview": true?}` brings the document back to its checkpoint at or
 * before `at` as new changes, or with `preview` only says what would change.
 */
export async function handleHistoryApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  services: { tokens: TokenService; history: DocumentHistory },
): Promise<void> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  const { principal } = await services.tokens.verify(token);
  if (principal.role !== 'admin') throw new HttpError(403, 'only admins see and restore history');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /api/history') {
    const document = ownDocument(url.searchParams.get('document'), principal.workspace);
    const checkpoints = (await services.history.list(document)).map(({ at, bytes }) => ({
      at: new Date(at).toISOString(),
      bytes,
    }));
    return sendJson(res, 200, { document, checkpoints });
  }
  if (route === 'POST /api/history/restore') {
    const body = await readJson(req);
    const document = ownDocument(body.document, principal.workspace);
    const at = typeof body.at === 'string' ? Date.parse(body.at) : NaN;
    if (!Number.isFinite(at)) throw new HttpError(400, '"at" must be an ISO-8601 time');
    try {
      const result = await services.history.restore(document, at, body.preview === true);
      return sendJson(res, 200, { document, ...result, from: new Date(result.from).toISOString() });
    } catch (error) {
      if (error instanceof NoCheckpointError) throw new HttpError(404, error.message);
      const refused = error as { code?: unknown; reason?: unknown };
      if (typeof refused.reason === 'string') throw new HttpError(503, refused.reason);
      throw error;
    }
  }
  throw new HttpError(404, `no API at ${req.method} ${url.pathname}`);
}

function ownDocument(value: unknown, workspace: string): string {
  const name = typeof value === 'string' ? parseDocumentName(value) : undefined;
  if (!name || typeof value !== 'string' || !isCheckpointed(value))
    throw new HttpError(400, 'name a policy, registry or assessment document, e.g. W/registry');
  if (name.workspace !== workspace)
    throw new HttpError(403, 'that document is in another workspace');
  return value;
}
