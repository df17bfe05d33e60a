import * as path from 'node:path';

/** Repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples', 'handbook');
/** The real handbook pages: JOBFAMILY_CORPUS, or ../shared/corpus beside the checkout. */
export const CORPUS = path.resolve(ROOT, process.env.JOBFAMILY_CORPUS ?? path.join('..', 'shared', 'corpus'));
/** A real handbook checkout (content/handbook, layouts, config): JOBFAMILY_HANDBOOK, or ../shared/handbook beside the checkout. */
export const HANDBOOK = path.resolve(ROOT, process.env.JOBFAMILY_HANDBOOK ?? path.join('..', 'shared', 'handbook'));
