import type { DepartmentView } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { toDepartmentBody, toDepartmentDraft } from './department-form.js';

const department: DepartmentView = {
  id: 'd1',
  name: 'Repairs',
  names: { fr: 'Réparations' },
  topics: [{ key: 'iphone-battery', labels: { en: 'iPhone battery', fr: 'Batterie iPhone' } }],
  languages: ['en', 'fr'],
  hours: {
    timeZone: 'Europe/Paris',
    weekly: {
      mon: [
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '18:00' },
      ],
    },
    holidays: ['2026-12-25'],
  },
  strategy: 'round-robin',
  languageFallbackSeconds: 60,
  maxQueueWaitSeconds: null,
  defaultCapacity: 4,
  customerIdleNudgeSeconds: null,
  customerIdleCloseSeconds: null,
  agentReplySlaSeconds: 120,
  autoRequeueSeconds: null,
  archived: false,
  openNow: true,
};

describe('department form', () => {
  it('edits the names and topic labels customers read in each language', () => {
    const draft = toDepartmentDraft(department);
    expect(draft.names).toMatchObject({ en: '', fr: 'Réparations' });
    expect(draft.topicLabels.fr).toBe('iphone-battery | Batterie iPhone');
    const body = toDepartmentBody({
      ...draft,
      names: { ...draft.names, ru: ' Ремонт ', fr: '' },
      topicLabels: { ...draft.topicLabels, 'zh-Hans': 'iphone-battery | iPhone 电池\nunknown | 不是主题' },
    });
    expect(body.names).toEqual({ ru: 'Ремонт' });
    expect(body.topics).toEqual([
      { key: 'iphone-battery', labels: { en: 'iPhone battery', fr: 'Batterie iPhone', 'zh-Hans': 'iPhone 电池' } },
    ]);
  });

  it('round-trips a department through the text fields, other-language labels kept', () => {
    const draft = toDepartmentDraft(department);
    expect(draft.weekly.mon).toBe('09:00-12:00, 13:00-18:00');
    expect(draft.topics).toBe('iphone-battery | iPhone battery');
    const body = toDepartmentBody({ ...draft, topics: 'iphone-battery | iPhone Battery\nmac | Mac' });
    expect(body.hours).toEqual({
      timeZone: 'Europe/Paris',
      weekly: {
        mon: [
          { open: '09:00', close: '12:00' },
          { open: '13:00', close: '18:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
      holidays: ['2026-12-25'],
    });
    expect(body.topics).toEqual([
      { key: 'iphone-battery', labels: { en: 'iPhone Battery', fr: 'Batterie iPhone' } },
      { key: 'mac', labels: { en: 'Mac' } },
    ]);
    expect(body).toMatchObject({ defaultCapacity: 4, agentReplySlaSeconds: 120, maxQueueWaitSeconds: null });
  });

  it('an empty time zone means always open', () => {
    expect(toDepartmentBody({ ...toDepartmentDraft(department), timeZone: ' ' }).hours).toBeNull();
  });

  it('tells "the deployment default" from "off" for every threshold, both ways', () => {
    const draft = toDepartmentDraft({ ...department, autoRequeueSeconds: 'off', maxQueueWaitSeconds: 600 });
    expect(draft.thresholds).toMatchObject({
      defaultCapacity: { mode: 'value', value: '4' },
      customerIdleNudgeSeconds: { mode: 'default' },
      languageFallbackSeconds: { mode: 'value', value: '60' },
      maxQueueWaitSeconds: { mode: 'value', value: '600' },
      autoRequeueSeconds: { mode: 'off' },
    });
    expect(toDepartmentBody(draft)).toMatchObject({ autoRequeueSeconds: 'off', customerIdleNudgeSeconds: null });
    // A null from the server is the deployment's default; left as it is, it goes back as null.
    const byDefault = toDepartmentDraft(department);
    expect(byDefault.thresholds.autoRequeueSeconds).toEqual({ mode: 'default', value: '' });
    expect(toDepartmentBody(byDefault)).toMatchObject({ autoRequeueSeconds: null, maxQueueWaitSeconds: null });
    // "Off" for a queue limit is its null ("no limit"); a value is a number, and text that is none goes as typed.
    const edited = {
      ...byDefault,
      thresholds: {
        ...byDefault.thresholds,
        maxQueueWaitSeconds: { mode: 'off' as const, value: '600' },
        agentReplySlaSeconds: { mode: 'value' as const, value: ' 90 ' },
        customerIdleCloseSeconds: { mode: 'value' as const, value: 'soon' },
      },
    };
    expect(toDepartmentBody(edited)).toMatchObject({
      maxQueueWaitSeconds: null,
      agentReplySlaSeconds: 90,
      customerIdleCloseSeconds: 'soon',
    });
  });

  it('starts a new department as the server would create it', () => {
    expect(toDepartmentBody(toDepartmentDraft())).toMatchObject({
      languageFallbackSeconds: 60,
      maxQueueWaitSeconds: null,
      autoRequeueSeconds: null,
      defaultCapacity: null,
    });
  });
});
