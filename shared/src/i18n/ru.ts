import type { Catalogue } from './catalogue.js';
import type { en } from './en.js';

/*
 * Formal «вы», lower-case as in modern Russian service writing. Russian past
 * tense shows gender, which we never know, so agent texts use the present
 * tense ("Вас консультирует …", "… теперь в чате") or a noun as the subject.
 */
export const ru: Catalogue<typeof en> = {
  'system.started': 'Спасибо за обращение! Специалист ответит вам в ближайшее время.',
  'system.started.case':
    'Спасибо за обращение! Номер вашего обращения — {caseNumber}. Специалист ответит вам в ближайшее время.',
  'system.assigned': 'Вас консультирует {agentName}.',
  'system.assigned.generic': 'Вас консультирует наш специалист.',
  'system.transferred.agent':
    'Дальше вам поможет {agentName}. Вся переписка сохранена, так что повторять ничего не нужно.',
  'system.transferred.team':
    'Мы передали ваш чат команде «{department}». Вся переписка сохранена, так что повторять ничего не нужно.',
  'system.transferred.generic':
    'Мы передали ваш чат коллеге, который сможет помочь. Вся переписка сохранена, так что повторять ничего не нужно.',
  'system.requeued':
    'Подключаем другого специалиста. Ваше место в очереди сохранено — пожалуйста, не закрывайте это окно.',
  'system.closed': 'Чат завершён. Спасибо за обращение! Если появятся вопросы, начните новый чат в любое время.',
  'system.closed.summary':
    'Чат завершён. Мы отправим вам на почту краткий итог с номером обращения {caseNumber}. Если появятся вопросы, начните новый чат в любое время.',
  'system.idleNudge': 'Вы ещё здесь? Я на связи — пишите, когда будете готовы.',
  'system.idleClose':
    'Похоже, вы отошли, поэтому я пока закрою этот чат. Когда будете готовы, просто начните новый — мы будем рады помочь.',
  'system.idleClose.summary':
    'Похоже, вы отошли, поэтому я пока закрою этот чат. Мы отправим вам на почту краткий итог с номером обращения {caseNumber}. Когда будете готовы, начните новый чат и назовите этот номер — мы будем рады помочь.',
  'system.agentJoined': '{agentName} теперь в чате.',
  'system.agentJoined.generic': 'К чату подключился специалист.',
  'system.agentLeft': '{agentName} больше не участвует в чате.',
  'system.agentLeft.generic': 'Специалист вышел из чата.',

  'queue.next': 'Ваша очередь следующая — специалист ответит совсем скоро.',
  'queue.ahead': {
    one: 'Перед вами в очереди {count} человек.',
    few: 'Перед вами в очереди {count} человека.',
    many: 'Перед вами в очереди {count} человек.',
    other: 'Перед вами в очереди {count} человека.',
  },
  'queue.wait.lessThanMinute': 'Ожидание займёт меньше минуты.',
  'queue.wait.minutes': {
    one: 'Ожидание займёт примерно {count} минуту.',
    few: 'Ожидание займёт примерно {count} минуты.',
    many: 'Ожидание займёт примерно {count} минут.',
    other: 'Ожидание займёт примерно {count} минуты.',
  },
  'queue.wait.hours': {
    one: 'Ожидание займёт примерно {count} час.',
    few: 'Ожидание займёт примерно {count} часа.',
    many: 'Ожидание займёт примерно {count} часов.',
    other: 'Ожидание займёт примерно {count} часа.',
  },
  'queue.wait.unknown': 'Сейчас мы не можем оценить время ожидания, но специалист ответит вам как можно скорее.',
  'queue.keepOpen': 'Пожалуйста, не закрывайте это окно, чтобы не потерять место в очереди.',

  'offline.received': 'Спасибо, мы получили ваше сообщение.',
  'offline.replyByEmail': 'Специалист ответит вам по электронной почте в ближайшее время.',
  'offline.caseNumber': 'Номер вашего обращения — {caseNumber}.',

  'email.subject': 'Итоги чата со службой поддержки — обращение {caseNumber}',
  'email.greeting': 'Здравствуйте, {customerName}!',
  'email.greeting.generic': 'Здравствуйте!',
  'email.intro': 'Спасибо, что обратились к нам. Ниже — копия вашей переписки, сохраните её на всякий случай.',
  'email.label.caseNumber': 'Номер обращения',
  'email.label.department': 'Отдел',
  'email.label.agent': 'Специалист',
  'email.label.date': 'Дата',
  'email.label.customer': 'Вы',
  'email.transcriptHeading': 'Ваша переписка',
  'email.rate.prompt': 'Расскажите, как прошёл чат: это займёт меньше минуты и поможет нам стать лучше.',
  'email.rate.action': 'Оценить чат',
  'email.file': 'Файл: {name}',
  'email.file.until': 'ссылка действует до {date}',
  'email.file.removed': '{name} (файл удалён)',
  'email.footer.help':
    'Нужна ещё помощь? Начните новый чат на нашем сайте поддержки и назовите номер обращения {caseNumber}.',
  'email.footer.automated': 'Это письмо отправлено автоматически, отвечать на него не нужно.',

  'greeting.agent': 'Здравствуйте, {customerName}! Меня зовут {agentName}. Чем могу помочь?',
  'greeting.agent.generic': 'Здравствуйте! Меня зовут {agentName}. Чем могу помочь?',
};
