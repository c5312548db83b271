import { describe, expect, it } from 'vitest';
import { detectSecrets, maskSecrets } from './detect.js';

const cases: Record<string, [string, string][]> = {
  en: [
    ['my password is hunter2', 'my password is ••••••'],
    ['My password is Hunter2! Can you check?', 'My password is •••••• Can you check?'],
    ['password: Tr0ub4dor&3', 'password: ••••••'],
    ['Password:abc123', 'Password:••••••'],
    ['pwd=s3cret', 'pwd=••••••'],
    ['the passcode is 482913', 'the passcode is ••••••'],
    ['My PIN is 1234.', 'My PIN is ••••••.'],
    ['sim pin 0000', 'sim pin ••••••'],
    ['My Apple ID password is Sunny2024', 'My Apple ID password is ••••••'],
    ['the password for my Apple ID is "correct horse"', 'the password for my Apple ID is "••••••"'],
    ['my account password: qwerty', 'my account password: ••••••'],
    ['my old password was Summer2019', 'my old password was ••••••'],
    ['the verification code is 552 190', 'the verification code is ••••••'],
    ['CVV: 123', 'CVV: ••••••'],
  ],
  fr: [
    ['mon mot de passe est Soleil2024', 'mon mot de passe est ••••••'],
    ['Mot de passe : azerty123', 'Mot de passe : ••••••'],
    ['mdp : chaton', 'mdp : ••••••'],
    ['mdp=chaton42', 'mdp=••••••'],
    ['le mot de passe de mon identifiant Apple est Paris75!', 'le mot de passe de mon identifiant Apple est ••••••'],
    ['Mon code PIN est 1234.', 'Mon code PIN est ••••••.'],
    ["mon mdp c'est bonjour99", "mon mdp c'est ••••••"],
    ['le mot de passe est « Mon Chat »', 'le mot de passe est « •••••• »'],
  ],
  ru: [
    ['мой пароль qwerty123', 'мой пароль ••••••'],
    ['Мой пароль: солнышко', 'Мой пароль: ••••••'],
    ['пароль: Qwerty2024', 'пароль: ••••••'],
    ['пароль — kotik77', 'пароль — ••••••'],
    ['Пароль от Apple ID: Moskva2024', 'Пароль от Apple ID: ••••••'],
    ['пароль такой: zaq12wsx', 'пароль такой: ••••••'],
    ['пин-код 4321', 'пин-код ••••••'],
    ['код-пароль: 123456', 'код-пароль: ••••••'],
  ],
  'zh-Hans': [
    ['我的密码是abc123', '我的密码是••••••'],
    ['密码是 Abc12345，谢谢', '密码是 ••••••，谢谢'],
    ['密码：qwerty', '密码：••••••'],
    ['Apple ID 密码是Sunny2024!', 'Apple ID 密码是••••••'],
    ['锁屏密码123456', '锁屏密码••••••'],
    ['验证码是 552190', '验证码是 ••••••'],
  ],
  'zh-Hant': [
    ['我的密碼是abc123', '我的密碼是••••••'],
    ['密碼：Taipei101', '密碼：••••••'],
    ['密碼為 qwerty88。', '密碼為 ••••••。'],
    ['驗證碼：552190', '驗證碼：••••••'],
  ],
};

const nearMisses: Record<string, string[]> = {
  en: [
    'I forgot my password',
    'how do I reset my password?',
    "password reset link didn't arrive",
    'my password is wrong',
    'My password is not working',
    'my password is incorrect.',
    'the password is expired',
    'my password is too short',
    'Password: I forgot it',
    'my password is 8 characters long',
    "my password isn't accepted",
    'is the password case sensitive?',
    'what is the password for the wifi?',
    'the pin is bent',
    'the password was changed yesterday',
    'my password is the same as before',
    'Passwords: none saved',
  ],
  fr: [
    'le mot de passe ne marche pas',
    "j'ai oublié mon mot de passe",
    'mon mot de passe est incorrect',
    'le mot de passe est bloqué',
    'mot de passe oublié',
    'mon mot de passe est trop court',
  ],
  ru: [
    'забыл пароль',
    'мой пароль не подходит',
    'пароль: неверный',
    'Как сбросить пароль?',
    'мой пароль сбросили',
    'пароль от почты не приходит',
  ],
  'zh-Hans': ['忘记密码了', '密码错误', '密码是错的', '密码是多少？', '怎么重置密码', '我改了3次密码'],
  'zh-Hant': ['密碼錯誤', '忘記密碼了', '密碼是什麼？', '如何重設密碼'],
};

describe('typed passwords', () => {
  for (const [language, table] of Object.entries(cases)) {
    it.each(table)(`${language}: masks the value in %s`, (text, masked) => {
      expect(maskSecrets(text)).toBe(masked);
    });
  }
  for (const [language, texts] of Object.entries(nearMisses)) {
    it.each(texts)(`${language}: leaves "%s" alone`, (text) => {
      expect(detectSecrets(text)).toEqual({ masked: text, findings: [] });
    });
  }

  it('reports the value span, not the phrase', () => {
    expect(detectSecrets('my password is hunter2.').findings).toEqual([{ kind: 'password', start: 15, end: 22 }]);
  });
});
