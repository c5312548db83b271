import type { BusinessHours, Locale } from '@switchboard/shared';

/**
 * The demo brand's support teams (development only), seeded so that a fresh
 * `pnpm start` has topics: the widget's topic picker and the /demo page's
 * product buttons (whose `data-topic` are these keys) match them. Names and
 * labels are given in every supported language; the stored department keeps
 * the English name until departments carry a name per language.
 */
export interface DemoDepartment {
  names: Record<Locale, string>;
  topics: { key: string; labels: Record<Locale, string> }[];
  hours: BusinessHours;
  /** Demo agents (agent-bootstrap.ts) who serve it. */
  agentEmails: string[];
}

const ALL_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

// Product teams answer around the clock, so a demo works whenever it is tried;
// billing keeps office hours, so the widget's "closed, opens at …" can be seen too.
const AROUND_THE_CLOCK: BusinessHours = {
  timeZone: 'Europe/Paris',
  weekly: Object.fromEntries(ALL_WEEK.map((day) => [day, [{ open: '00:00', close: '24:00' }]])),
  holidays: [],
};
const OFFICE_HOURS: BusinessHours = {
  timeZone: 'Europe/Paris',
  weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [{ open: '09:00', close: '18:00' }]])),
  holidays: [],
};

/** A product's name is the same in every language (as the brand writes it). */
const product = (key: string, name: string) => ({
  key,
  labels: { en: name, fr: name, ru: name, 'zh-Hans': name, 'zh-Hant': name },
});

const LEI = 'lei@example.com';
const MARIE = 'marie@example.com';
const OLGA = 'olga@example.com';

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    names: { en: 'Phone', fr: 'Téléphone', ru: 'Телефон', 'zh-Hans': '手机', 'zh-Hant': '手機' },
    topics: [product('phone', 'Nimbus Phone')],
    hours: AROUND_THE_CLOCK,
    agentEmails: [LEI, MARIE, OLGA],
  },
  {
    names: { en: 'Computer', fr: 'Ordinateur', ru: 'Компьютер', 'zh-Hans': '电脑', 'zh-Hant': '電腦' },
    topics: [product('computer', 'Nimbus Book')],
    hours: AROUND_THE_CLOCK,
    agentEmails: [MARIE, OLGA],
  },
  {
    names: { en: 'Tablet', fr: 'Tablette', ru: 'Планшет', 'zh-Hans': '平板电脑', 'zh-Hant': '平板電腦' },
    topics: [product('tablet', 'Nimbus Pad')],
    hours: AROUND_THE_CLOCK,
    agentEmails: [LEI, OLGA],
  },
  {
    names: { en: 'Watch', fr: 'Montre', ru: 'Часы', 'zh-Hans': '手表', 'zh-Hant': '手錶' },
    topics: [product('watch', 'Nimbus Watch')],
    hours: AROUND_THE_CLOCK,
    agentEmails: [LEI, MARIE],
  },
  {
    names: { en: 'Earbuds', fr: 'Écouteurs', ru: 'Наушники', 'zh-Hans': '耳机', 'zh-Hant': '耳機' },
    topics: [product('earbuds', 'Nimbus Buds')],
    hours: AROUND_THE_CLOCK,
    agentEmails: [LEI, OLGA],
  },
  {
    names: { en: 'Billing', fr: 'Facturation', ru: 'Оплата', 'zh-Hans': '账单', 'zh-Hant': '帳單' },
    topics: [
      {
        key: 'billing',
        labels: {
          en: 'Billing and subscriptions',
          fr: 'Facturation et abonnements',
          ru: 'Оплата и подписки',
          'zh-Hans': '账单与订阅',
          'zh-Hant': '帳單與訂閱',
        },
      },
    ],
    hours: OFFICE_HOURS,
    agentEmails: [MARIE, OLGA],
  },
];
