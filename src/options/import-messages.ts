/**
 * Pure: import and export results in the user's language. Every rejection
 * names what is wrong and where (the field and the site), and what to do.
 */
import type { MessageKey } from '../shared/i18n';
import { FIELD_LABEL_KEYS, isFieldName, type Translate } from './fields';
import type { DroppedValue, ImportPlan, ImportProblem, JsonType, Where } from './settings-file';

const TYPE_KEYS: Record<JsonType, MessageKey> = {
  string: 'optionsTypeString',
  number: 'optionsTypeNumber',
  boolean: 'optionsTypeBoolean',
  object: 'optionsTypeObject',
  array: 'optionsTypeArray',
  null: 'optionsTypeNull',
};

/** "1 MB", "5.2 MB", "900 kB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} kB`;
}

function typeName(type: JsonType, t: Translate): string {
  return t(TYPE_KEYS[type]);
}

/** "text ("big")"; null needs no example. */
function found(type: JsonType, value: string, t: Translate): string {
  return type === 'null' ? typeName(type, t) : `${typeName(type, t)} (${value})`;
}

function where(place: Where, t: Translate): string {
  return place.origin === undefined ? t('optionsWhereGlobal') : t('optionsWhereSite', place.origin);
}

function fieldLabel(field: string, t: Translate): string {
  return isFieldName(field) ? t(FIELD_LABEL_KEYS[field]) : field;
}

export function describeProblem(problem: ImportProblem, t: Translate): string {
  switch (problem.kind) {
    case 'too-large':
      return t('optionsImportTooLarge', [formatBytes(problem.bytes), formatBytes(problem.limit)]);
    case 'empty':
      return t('optionsImportEmpty');
    case 'truncated':
      return t('optionsImportTruncated');
    case 'not-json':
      return problem.line === undefined
        ? t('optionsImportNotJson')
        : t('optionsImportNotJsonAt', [String(problem.line), String(problem.column ?? 1)]);
    case 'not-an-object':
      return t('optionsImportNotObject', typeName(problem.found, t));
    case 'missing-format':
      return t('optionsImportMissingFormat');
    case 'wrong-format':
      return t('optionsImportWrongFormat', problem.found);
    case 'missing-version':
      return t('optionsImportMissingVersion');
    case 'bad-version':
      return t('optionsImportBadVersion', problem.found);
    case 'future-version':
      return t('optionsImportFutureVersion', [String(problem.found), String(problem.supported)]);
    case 'missing-section':
      return t('optionsImportMissingSection', problem.section);
    case 'section-type':
      return t('optionsImportSectionType', [problem.section, typeName(problem.expected, t), found(problem.found, problem.value, t)]);
    case 'bad-origin':
      return t('optionsImportBadOrigin', problem.origin);
    case 'site-type':
      return t('optionsImportSiteType', [problem.origin, found(problem.found, problem.value, t)]);
    case 'field-type':
      return t('optionsImportFieldType', [
        where(problem.where, t),
        problem.field === 'version' ? 'version' : fieldLabel(problem.field, t),
        problem.field,
        typeName(problem.expected, t),
        found(problem.found, problem.value, t),
      ]);
    case 'future-preferences':
      return t('optionsImportFuturePreferences', [where(problem.where, t), String(problem.found), String(problem.supported)]);
  }
}

/** The rejection: the reasons, in file order, and how many more there were. */
export function describeRejection(problems: readonly ImportProblem[], more: number, t: Translate): string[] {
  const lines = problems.map((problem) => describeProblem(problem, t));
  if (more > 0) lines.push(t('optionsImportMoreProblems', String(more)));
  return lines;
}

export function describeDropped(dropped: DroppedValue, t: Translate): string {
  const place = dropped.where.origin ?? t('scopeGlobal');
  return dropped.reason === 'unknown'
    ? t('optionsImportDroppedUnknown', [place, dropped.field])
    : t('optionsImportDroppedInvalid', [place, fieldLabel(dropped.field, t), dropped.field, dropped.value]);
}

/** "Imported the settings for all sites and 12 sites." */
export function describeImported(plan: ImportPlan, t: Translate): string {
  const count = plan.sites.length;
  if (count === 0) return t('optionsImportedNoSites');
  if (count === 1) return t('optionsImportedOneSite');
  return t('optionsImportedSites', String(count));
}

export function describeExported(siteCount: number, t: Translate): string {
  if (siteCount === 0) return t('optionsExportedNoSites');
  if (siteCount === 1) return t('optionsExportedOneSite');
  return t('optionsExportedSites', String(siteCount));
}
