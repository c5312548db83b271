import { describe, expect, it } from 'vitest';
import { prechatSchema } from '../schemas/conversations.js';
import { labelled } from './format.js';
import { localizedName } from './localized-name.js';
import { renderSystemMessage, translate } from './texts.js';

describe('names inside Chinese text', () => {
  it('spaces a Latin name from the Han text around it, and leaves a Chinese name as it is', () => {
    expect(translate('zh-Hans', 'system.assigned', { agentName: 'Lei' })).toBe('Lei 正在为您服务。');
    expect(translate('zh-Hant', 'system.assigned', { agentName: 'Camille' })).toBe('Camille 正在為您服務。');
    expect(translate('zh-Hans', 'system.assigned', { agentName: '李雷' })).toBe('李雷正在为您服务。');
    expect(translate('zh-Hans', 'greeting.agent', { customerName: 'Marie', agentName: 'Lei' })).toBe(
      'Marie，您好！我是 Lei，很高兴为您服务。请问有什么可以帮您？',
    );
  });

  it('never doubles a space the template already has, nor touches other languages', () => {
    expect(translate('zh-Hans', 'offline.caseNumber', { caseNumber: 'SB-2026-000123' })).toBe(
      '您的案例编号是 SB-2026-000123。',
    );
    expect(translate('en', 'system.assigned', { agentName: 'Lei' })).toBe("You're now chatting with Lei.");
  });
});

describe('label and value', () => {
  it('writes the colon each language’s way', () => {
    expect(labelled('en', 'Case number', 'SB-1')).toBe('Case number: SB-1');
    expect(labelled('fr', 'Numéro de dossier', 'SB-1')).toBe('Numéro de dossier\u00a0: SB-1');
    expect(labelled('zh-Hans', '案例编号', 'SB-1')).toBe('案例编号：SB-1');
    expect(labelled('zh-Hant', '案例編號', 'SB-1')).toBe('案例編號：SB-1');
    expect(labelled('ru', 'Номер обращения', 'SB-1')).toBe('Номер обращения: SB-1');
  });
});

describe('names per language', () => {
  it('takes the reader’s language, else English, else the default name', () => {
    const names = { en: 'Billing', fr: 'Facturation' };
    expect(localizedName(names, 'fr', 'billing-team')).toBe('Facturation');
    expect(localizedName(names, 'ru', 'billing-team')).toBe('Billing');
    expect(localizedName({}, 'ru', 'billing-team')).toBe('billing-team');
    expect(localizedName(undefined, 'fr', 'billing-team')).toBe('billing-team');
  });

  it('renders a transfer with the team’s name in each reader’s language', () => {
    const params = { department: 'Billing', 'department:fr': 'Facturation', 'department:zh-Hans': '账单' };
    expect(renderSystemMessage('conversation.transferred', params, 'fr')).toContain('notre équipe Facturation.');
    expect(renderSystemMessage('conversation.transferred', params, 'zh-Hans')).toContain('转接至账单团队');
    expect(renderSystemMessage('conversation.transferred', params, 'ru')).toContain('Billing');
  });
});

describe('the customer’s time zone at start', () => {
  const start = { topic: 'general', language: 'fr' as const };
  it('accepts an IANA zone and refuses anything else', () => {
    expect(prechatSchema.safeParse({ ...start, timeZone: 'Europe/Paris' }).success).toBe(true);
    expect(prechatSchema.safeParse(start).success).toBe(true);
    for (const timeZone of ['Mars/Olympus', '', 'Europe/Paris\n', 'x'.repeat(65), 42]) {
      expect(prechatSchema.safeParse({ ...start, timeZone }).success).toBe(false);
    }
  });
});
