import type { Locale } from '@switchboard/shared';
import { createTranslator, type Catalogues, type TranslateArgs } from '@switchboard/shared/i18n';
import { en, type WidgetTextKey } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

/** Every widget text in every supported language. */
export const WIDGET_TEXTS: Catalogues<typeof en> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, fr, ru };

const translate = createTranslator(WIDGET_TEXTS);

export type { WidgetTextKey };

/** A translator bound to one locale: `t('end.case', { caseNumber })`. */
export type T = <K extends WidgetTextKey>(key: K, ...args: TranslateArgs<(typeof en)[K]>) => string;

export function translatorFor(locale: Locale): T {
  return (key, ...args) => translate(locale, key, ...args);
}
