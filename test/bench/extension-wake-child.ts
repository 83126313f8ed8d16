// One wake of the MV3 worker, in a fresh process (so the catalog is validated again and nothing is
// warm), for extension-visit.bench.ts: `node extension-wake-child.ts service|baseline` prints the
// milliseconds it took. Not a benchmark itself: the bench runner only loads *.bench.ts files.
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { serviceWithFakes } from './extension-bench-helpers.ts';

const what = process.argv[2];
const start = performance.now();
if (what === 'baseline') {
  compileMatcher(builtInCatalog());
} else if (what === 'service') {
  await serviceWithFakes().service.ready();
} else {
  throw new Error('usage: extension-wake-child.ts service|baseline');
}
console.log(performance.now() - start);
