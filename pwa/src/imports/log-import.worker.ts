// The network-log scan, off the page's thread: wiring only (the work is scanLogStream's).
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { cachedMatcher } from '../../../shared/detection/logs/cached-matcher.ts';
import { withLikelyAi } from '../../../shared/detection/with-likely-ai.ts';
import type { ScanReply, ScanRequest } from './log-import-runner.ts';
import { scanLogStream } from './scan-log-stream.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ScanRequest>) => void) | null;
  postMessage(reply: ScanReply): void;
};

scope.onmessage = ({ data: { file, workspaceTools, inputFormat } }) => {
  // Hosts whose name says AI come back too, marked `likely`: the import lists them apart.
  // Asked once per host: the likely-AI tier scores every name the catalog does not know.
  const matcher = cachedMatcher(withLikelyAi(compileMatcher(builtInCatalog(), workspaceTools)));
  scanLogStream(file, matcher, (progress) => scope.postMessage({ kind: 'progress', progress }), {
    inputFormat,
  }).then(
    (result) => scope.postMessage({ kind: 'done', result }),
    (error: unknown) =>
      scope.postMessage({ kind: 'failed', message: (error as Error).message ?? String(error) }),
  );
};
