// Stands in for shared's ids.js in the widget build (see vite.config.ts): the locale list only, no zod.
export { WIDGET_LOCALES as SUPPORTED_LOCALES } from './locales';
