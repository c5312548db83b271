export { createTranslator, type Catalogue, type Catalogues, type TranslateArgs, type Translator } from './catalogue.js';
export {
  formatText,
  interpolate,
  labelled,
  placeholdersOf,
  pluralCategory,
  selectPlural,
  textForms,
  type CatalogueShape,
  type ParamsOf,
  type Placeholders,
  type PluralCategory,
  type PluralText,
  type CatalogueText,
} from './format.js';
export { resolveLocale } from './locale.js';
export {
  DEFAULT_TEXTS,
  queuePositionText,
  renderSystemMessage,
  translate,
  waitEstimateText,
  type DefaultTextKey,
  type SystemMessageParams,
  type TeamAway,
} from './texts.js';
export { localizedName, localizedParam, type LocalizedNames } from './localized-name.js';
