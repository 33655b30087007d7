// `kiosk-pack validate`: every check a pack folder must pass before it is built.
import { ReferenceChecker } from '../check/references.ts';
import { checkMediaFiles } from '../media/check-media.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from '../media/media-types.ts';
import { bi } from '../report/bilingual.ts';
import type { Problem } from '../report/problem.ts';
import { loadSource, type LoadedSource } from './load-source.ts';
import { PACK_FILE, type PackMeta } from './source-layout.ts';

export interface ValidateOptions {
  /** Plan to shrink oversized images at build time instead of reporting them as errors. */
  resize?: boolean;
  limits?: Partial<MediaLimits>;
  now?: Date;
}

export interface ValidatedSource {
  source: LoadedSource;
  problems: Problem[];
  ok: boolean;
  /** Images the build must shrink (with `resize`). */
  toResize: string[];
  limits: MediaLimits;
}

function checkValidity(meta: PackMeta, now: Date, problems: Problem[]): void {
  const from = meta.validFrom ? Date.parse(meta.validFrom) : undefined;
  const to = meta.validTo ? Date.parse(meta.validTo) : undefined;
  if (from !== undefined && to !== undefined && from >= to) {
    problems.push({ severity: 'error', file: PACK_FILE, field: 'validTo', message: bi('结束时间早于开始时间', 'the end time is before the start time'), fix: bi('把 validTo 改到 validFrom 之后', 'make validTo later than validFrom') });
  } else if (to !== undefined && to <= now.getTime()) {
    problems.push({
      severity: 'error',
      file: PACK_FILE,
      field: 'validTo',
      message: bi(`内容包已在 ${meta.validTo} 过期，互动屏会拒收`, `the pack expired on ${meta.validTo}; kiosks will refuse it`),
      fix: bi('把 validTo 改到将来的时间，或删除 validTo', 'move validTo into the future, or remove it'),
    });
  }
}

/** Problems found after reading a sheet name its column, as the sheet's own problems do. */
function nameSheetColumns(problems: Problem[], columnFor: (field: string) => string | undefined): void {
  problems.forEach((problem, i) => {
    const column = problem.row !== undefined && problem.field ? columnFor(problem.field) : undefined;
    if (column) problems[i] = { ...problem, column, field: undefined };
  });
}

export async function validateSource(dir: string, options: ValidateOptions = {}): Promise<ValidatedSource> {
  const limits = { ...DEFAULT_MEDIA_LIMITS, ...options.limits };
  const now = options.now ?? new Date();
  const { source, problems } = await loadSource(dir);
  const media = new Set(source.media);
  const references = new ReferenceChecker(source.data, problems, { hasFile: (p) => media.has(p), warnings: true, now });
  for (const product of source.products) references.addProduct(product.value, product.where);
  references.finish();
  if (source.columnFor) nameSheetColumns(problems.items, source.columnFor);
  if (source.meta) checkValidity(source.meta, now, problems.items);
  const mediaCheck = await checkMediaFiles(dir, source.media, { limits, resize: options.resize ?? false, used: references.usedMedia });
  problems.add(mediaCheck.problems);
  return { source, problems: problems.items, ok: !problems.hasErrors, toResize: mediaCheck.toResize, limits };
}
