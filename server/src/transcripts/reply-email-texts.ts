import { createTranslator, type Catalogue } from '@switchboard/shared/i18n';

/*
 * The email an agent's answer to a message left offline goes out as. It is a
 * reply, written to be answered: the customer's answer goes to the support
 * mailbox (Reply-To), the case number stays in the subject so it finds its
 * case. The subject gets the plain `Re: ` every mail client recognises, in
 * every language. French: vouvoiement and no-break spaces before ? ! : ;.
 */
const en = {
  subject: 'Your message to our support team [case {caseNumber}]',
  greeting: 'Hi {customerName},',
  'greeting.generic': 'Hello,',
  signature: '{agentName}, customer support',
  'signature.generic': 'Customer support',
  answer:
    'You can simply reply to this email: your answer comes straight to our support team. Please keep the case number {caseNumber} in the subject.',
  quoteHeading: 'On {date}, you wrote:',
} as const;

const fr: Catalogue<typeof en> = {
  subject: 'Votre message à notre service client [dossier {caseNumber}]',
  greeting: 'Bonjour {customerName},',
  'greeting.generic': 'Bonjour,',
  signature: '{agentName}, service client',
  'signature.generic': 'Le service client',
  answer:
    'Il vous suffit de répondre à cet e-mail\u00a0: votre réponse parviendra directement à notre service client. Merci de conserver le numéro de dossier {caseNumber} dans l’objet.',
  quoteHeading: 'Le {date}, vous avez écrit\u00a0:',
};

const ru: Catalogue<typeof en> = {
  subject: 'Ваше сообщение в службу поддержки [обращение {caseNumber}]',
  greeting: 'Здравствуйте, {customerName}!',
  'greeting.generic': 'Здравствуйте!',
  signature: '{agentName}, служба поддержки',
  'signature.generic': 'Служба поддержки',
  answer:
    'Просто ответьте на это письмо — ваш ответ сразу попадёт в нашу службу поддержки. Пожалуйста, сохраните номер обращения {caseNumber} в теме письма.',
  quoteHeading: '{date} вы написали:',
};

const zhHans: Catalogue<typeof en> = {
  subject: '您给客服团队的留言（案例编号：{caseNumber}）',
  greeting: '{customerName}，您好：',
  'greeting.generic': '您好：',
  signature: '客服顾问 {agentName}',
  'signature.generic': '客服团队',
  answer: '您可以直接回复此邮件，您的回复会直接发送给我们的客服团队。请在邮件主题中保留案例编号 {caseNumber}。',
  quoteHeading: '您于 {date} 写道：',
};

const zhHant: Catalogue<typeof en> = {
  subject: '您給客服團隊的留言（案例編號：{caseNumber}）',
  greeting: '{customerName}，您好：',
  'greeting.generic': '您好：',
  signature: '客服顧問 {agentName}',
  'signature.generic': '客服團隊',
  answer: '您可以直接回覆此郵件，您的回覆會直接寄給我們的客服團隊。請在郵件主旨中保留案例編號 {caseNumber}。',
  quoteHeading: '您於 {date} 寫道：',
};

export const REPLY_EMAIL_TEXTS = { en, fr, ru, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

export const replyText = createTranslator(REPLY_EMAIL_TEXTS);
