import { createTranslator, type Catalogue } from '@switchboard/shared/i18n';

/*
 * The page the transcript email's "Rate your chat" link opens, in the
 * conversation's language. French: vouvoiement, no-break spaces before ? ! : ;.
 */
const en = {
  title: 'Rate your chat',
  heading: 'How did we do?',
  intro: 'Your chat about case {caseNumber}. It takes less than a minute and helps us improve.',
  'intro.agent':
    'Your chat with {agentName} about case {caseNumber}. It takes less than a minute and helps us improve.',
  legend: 'Your rating',
  'scale.1': '1 — Very poor',
  'scale.2': '2 — Poor',
  'scale.3': '3 — Okay',
  'scale.4': '4 — Good',
  'scale.5': '5 — Excellent',
  comment: 'Anything you would like to tell us? (optional)',
  submit: 'Send my rating',
  thanks: 'Thank you! You rated this chat {rating} out of 5.',
  change: 'Changed your mind? Send a new rating and it replaces this one.',
  missing: 'Please choose a rating from 1 to 5.',
  expired: 'This rating link has expired. Thank you all the same for contacting us.',
  invalid: "This rating link isn't valid. Please use the link from your email.",
  notEnded: 'This chat is still going on. You can rate it once it has ended.',
  unanswered: "No advisor answered this chat, so there's nothing to rate. We're sorry we couldn't help this time.",
  busy: 'Too many attempts. Please wait a few minutes and try again.',
} as const;

const fr: Catalogue<typeof en> = {
  title: 'Évaluer la conversation',
  heading: 'Comment s’est passé votre échange\u00a0?',
  intro:
    'Votre conversation au sujet du dossier {caseNumber}. Cela prend moins d’une minute et nous aide à nous améliorer.',
  'intro.agent':
    'Votre conversation avec {agentName} au sujet du dossier {caseNumber}. Cela prend moins d’une minute et nous aide à nous améliorer.',
  legend: 'Votre note',
  'scale.1': '1 — Très insatisfaisant',
  'scale.2': '2 — Insatisfaisant',
  'scale.3': '3 — Correct',
  'scale.4': '4 — Bien',
  'scale.5': '5 — Excellent',
  comment: 'Souhaitez-vous nous en dire plus\u00a0? (facultatif)',
  submit: 'Envoyer ma note',
  thanks: 'Merci\u00a0! Vous avez donné la note de {rating} sur 5 à cette conversation.',
  change: 'Vous avez changé d’avis\u00a0? Envoyez une nouvelle note, elle remplacera celle-ci.',
  missing: 'Veuillez choisir une note de 1 à 5.',
  expired: 'Ce lien d’évaluation a expiré. Merci tout de même de nous avoir contactés.',
  invalid: 'Ce lien d’évaluation n’est pas valide. Veuillez utiliser le lien reçu par e-mail.',
  notEnded: 'Cette conversation est toujours en cours. Vous pourrez l’évaluer une fois terminée.',
  unanswered:
    'Aucun conseiller n’a répondu à cette conversation, il n’y a donc rien à évaluer. Nous sommes désolés de n’avoir pas pu vous aider cette fois-ci.',
  busy: 'Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.',
};

const ru: Catalogue<typeof en> = {
  title: 'Оцените чат',
  heading: 'Как мы справились?',
  intro: 'Ваш чат по обращению {caseNumber}. Это займёт меньше минуты и поможет нам стать лучше.',
  'intro.agent':
    'Ваш чат со специалистом {agentName} по обращению {caseNumber}. Это займёт меньше минуты и поможет нам стать лучше.',
  legend: 'Ваша оценка',
  'scale.1': '1 — Очень плохо',
  'scale.2': '2 — Плохо',
  'scale.3': '3 — Нормально',
  'scale.4': '4 — Хорошо',
  'scale.5': '5 — Отлично',
  comment: 'Хотите что-нибудь добавить? (необязательно)',
  submit: 'Отправить оценку',
  thanks: 'Спасибо! Вы оценили этот чат на {rating} из 5.',
  change: 'Передумали? Отправьте новую оценку — она заменит эту.',
  missing: 'Пожалуйста, выберите оценку от 1 до 5.',
  expired: 'Срок действия этой ссылки истёк. Всё равно спасибо, что обратились к нам.',
  invalid: 'Эта ссылка недействительна. Пожалуйста, воспользуйтесь ссылкой из письма.',
  notEnded: 'Этот чат ещё не завершён. Оценить его можно будет после окончания.',
  unanswered:
    'В этом чате вам не ответил ни один специалист, поэтому оценивать нечего. Нам жаль, что в этот раз мы не смогли помочь.',
  busy: 'Слишком много попыток. Пожалуйста, подождите несколько минут и попробуйте снова.',
};

const zhHans: Catalogue<typeof en> = {
  title: '为本次对话评分',
  heading: '您对本次服务满意吗？',
  intro: '关于案例编号 {caseNumber} 的对话。花不到一分钟告诉我们，帮助我们做得更好。',
  'intro.agent': '您与{agentName}关于案例编号 {caseNumber} 的对话。花不到一分钟告诉我们，帮助我们做得更好。',
  legend: '您的评分',
  'scale.1': '1 — 非常不满意',
  'scale.2': '2 — 不满意',
  'scale.3': '3 — 一般',
  'scale.4': '4 — 满意',
  'scale.5': '5 — 非常满意',
  comment: '还有什么想告诉我们的吗？（选填）',
  submit: '提交评分',
  thanks: '谢谢！您为本次对话评了 {rating} 分（满分 5 分）。',
  change: '改变主意了？重新提交评分即可替换本次评分。',
  missing: '请选择 1 到 5 分。',
  expired: '此评分链接已过期。仍然感谢您与我们联系。',
  invalid: '此评分链接无效，请使用邮件中的链接。',
  notEnded: '本次对话仍在进行中，结束后即可评分。',
  unanswered: '本次对话没有顾问回复，因此无需评分。很抱歉这次没能帮到您。',
  busy: '尝试次数过多，请稍等几分钟后再试。',
};

const zhHant: Catalogue<typeof en> = {
  title: '為本次對話評分',
  heading: '您對本次服務滿意嗎？',
  intro: '關於案例編號 {caseNumber} 的對話。花不到一分鐘告訴我們，協助我們做得更好。',
  'intro.agent': '您與{agentName}關於案例編號 {caseNumber} 的對話。花不到一分鐘告訴我們，協助我們做得更好。',
  legend: '您的評分',
  'scale.1': '1 — 非常不滿意',
  'scale.2': '2 — 不滿意',
  'scale.3': '3 — 普通',
  'scale.4': '4 — 滿意',
  'scale.5': '5 — 非常滿意',
  comment: '還有什麼想告訴我們的嗎？（選填）',
  submit: '送出評分',
  thanks: '謝謝！您為本次對話評了 {rating} 分（滿分 5 分）。',
  change: '改變主意了嗎？重新送出評分即可取代本次評分。',
  missing: '請選擇 1 到 5 分。',
  expired: '此評分連結已過期。仍然感謝您與我們聯絡。',
  invalid: '此評分連結無效，請使用郵件中的連結。',
  notEnded: '本次對話仍在進行中，結束後即可評分。',
  unanswered: '本次對話沒有顧問回覆，因此無需評分。很抱歉這次沒能幫到您。',
  busy: '嘗試次數過多，請稍候幾分鐘再試。',
};

export const RATING_PAGE_TEXTS = { en, fr, ru, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as const;

export const ratingText = createTranslator(RATING_PAGE_TEXTS);
