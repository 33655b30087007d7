// The figure builders' format in the console's language: numbers and dates as the page
// writes them (reading these inside a computed re-runs it when the language changes).
import { useI18n } from 'vue-i18n';
import { useFormat } from '../i18n/use-format.ts';
import type { FigureFormat } from './figure.ts';

export type PageFigureFormat = FigureFormat & { dateTime(at: number): string };

export function useFigureFormat(): PageFigureFormat {
  const { t } = useI18n();
  const { num, dateTime } = useFormat();
  return {
    num: (value, digits) => num(value, digits),
    t: (key, named) => t(key, named ?? {}),
    dateTime: (at) => dateTime(at),
  };
}
