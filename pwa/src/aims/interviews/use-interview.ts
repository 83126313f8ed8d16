import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readInterview, type InterviewRead } from '../../../../shared/documents/interview/index.ts';

/** The interview in `doc`, read without trust (INT2), again after every change. */
export function useInterview(doc: Y.Doc): InterviewRead {
  const [read, setRead] = useState(() => readInterview(doc));
  useEffect(() => {
    const changed = (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) setRead(readInterview(doc));
    };
    setRead(readInterview(doc));
    doc.on('afterTransaction', changed);
    return () => doc.off('afterTransaction', changed);
  }, [doc]);
  return read;
}
