import type { Locale } from '@switchboard/shared';

type Variants = Record<Locale, [title: string, body: string]>;

/** The demo canned responses, one per shortcut, in the five supported languages. */
export const DEMO_CANNED: Record<string, Variants> = {
  greet: {
    en: [
      'Greeting',
      "Hi {{customer.firstName}}, I'm {{agent.name}} — thanks for reaching out. Let's get this sorted together. Your case number is {{case.number}}.",
    ],
    fr: [
      'Accueil',
      'Bonjour {{customer.firstName}}, je suis {{agent.name}} — merci de nous avoir contactés. Nous allons régler cela ensemble. Votre numéro de dossier est le {{case.number}}.',
    ],
    ru: [
      'Приветствие',
      'Здравствуйте, {{customer.firstName}}! Меня зовут {{agent.name}}, спасибо, что обратились к нам. Давайте вместе во всём разберёмся. Номер вашего обращения — {{case.number}}.',
    ],
    'zh-Hans': [
      '问候',
      '{{customer.firstName}}您好，我是{{agent.name}}，感谢您联系我们。我们一起来解决这个问题。您的案例编号是 {{case.number}}。',
    ],
    'zh-Hant': [
      '問候',
      '{{customer.firstName}}您好，我是{{agent.name}}，感謝您聯絡我們。我們一起來解決這個問題。您的案例編號是 {{case.number}}。',
    ],
  },
  wait: {
    en: [
      'One moment',
      "Thanks for your patience, {{customer.firstName}} — I'm checking that for you now. It'll take a minute or two.",
    ],
    fr: [
      'Un instant',
      'Merci de votre patience, {{customer.firstName}} — je vérifie cela pour vous. Cela prendra une minute ou deux.',
    ],
    ru: ['Минутку', 'Спасибо за терпение, {{customer.firstName}}! Я уже проверяю — это займёт минуту-другую.'],
    'zh-Hans': ['请稍候', '感谢您的耐心等待，{{customer.firstName}}。我正在为您查询，大约需要一两分钟。'],
    'zh-Hant': ['請稍候', '感謝您的耐心等候，{{customer.firstName}}。我正在為您查詢，大約需要一兩分鐘。'],
  },
  restart: {
    en: [
      'Restart the device',
      'Could you try a restart? Press and hold the side button and either volume button until the slider appears, drag it, then turn the device back on after 30 seconds. Let me know what you see.',
    ],
    fr: [
      "Redémarrer l'appareil",
      "Pourriez-vous redémarrer l'appareil ? Maintenez le bouton latéral et l'un des boutons de volume jusqu'à l'apparition du curseur, faites-le glisser, puis rallumez l'appareil après 30 secondes. Dites-moi ce qui s'affiche.",
    ],
    ru: [
      'Перезагрузка устройства',
      'Попробуйте, пожалуйста, перезагрузить устройство: зажмите боковую кнопку и любую кнопку громкости, пока не появится ползунок, сдвиньте его и через 30 секунд снова включите устройство. Напишите, что вы увидите.',
    ],
    'zh-Hans': [
      '重启设备',
      '请您尝试重启设备：同时按住侧边按钮和任一音量按钮，直到出现滑块，拖动滑块关机，30 秒后再重新开机。然后告诉我您看到了什么。',
    ],
    'zh-Hant': [
      '重新啟動裝置',
      '請您嘗試重新啟動裝置：同時按住側邊按鈕和任一音量按鈕，直到出現滑桿，拖動滑桿關機，30 秒後再重新開機。然後告訴我您看到了什麼。',
    ],
  },
  battery: {
    en: [
      'Battery health',
      "To see your battery's health, go to Settings > Battery > Battery Health. If Maximum Capacity is below 80%, a battery replacement will bring back a full day of use — I can set that up for you.",
    ],
    fr: [
      'État de la batterie',
      "Pour vérifier l'état de la batterie, allez dans Réglages > Batterie > État de la batterie. Si la capacité maximale est inférieure à 80 %, un remplacement de la batterie vous redonnera une journée complète d'autonomie — je peux l'organiser pour vous.",
    ],
    ru: [
      'Состояние аккумулятора',
      'Чтобы проверить состояние аккумулятора, откройте «Настройки» > «Аккумулятор» > «Состояние аккумулятора». Если максимальная ёмкость ниже 80 %, замена аккумулятора вернёт полный день работы — я могу её оформить для вас.',
    ],
    'zh-Hans': [
      '电池健康',
      '您可以前往“设置”>“电池”>“电池健康”查看电池状况。如果最大容量低于 80%，更换电池即可恢复全天续航——我可以为您安排。',
    ],
    'zh-Hant': [
      '電池健康度',
      '您可以前往「設定」>「電池」>「電池健康度」查看電池狀況。如果最大容量低於 80%，更換電池即可恢復整天續航——我可以為您安排。',
    ],
  },
  warranty: {
    en: [
      'Warranty check',
      "You can check your device's warranty with its serial number at https://support.example.com/coverage. If you share the serial number here, I'll look it up for you.",
    ],
    fr: [
      'Vérifier la garantie',
      'Vous pouvez vérifier la garantie de votre appareil avec son numéro de série sur https://support.example.com/coverage. Si vous me communiquez le numéro de série ici, je le vérifie pour vous.',
    ],
    ru: [
      'Проверка гарантии',
      'Проверить гарантию устройства можно по серийному номеру на странице https://support.example.com/coverage. Если пришлёте серийный номер сюда, я проверю всё сам.',
    ],
    'zh-Hans': [
      '保修查询',
      '您可以在 https://support.example.com/coverage 输入序列号查询设备的保修状态。如果您把序列号发给我，我可以帮您查询。',
    ],
    'zh-Hant': [
      '保固查詢',
      '您可以在 https://support.example.com/coverage 輸入序號查詢裝置的保固狀態。如果您把序號傳給我，我可以幫您查詢。',
    ],
  },
  thanks: {
    en: [
      'Closing thanks',
      "Thanks for chatting with us, {{customer.firstName}}. I'll email you a summary with your case number, {{case.number}}. If anything else comes up, just start a new chat — we're here to help.",
    ],
    fr: [
      'Remerciements',
      "Merci d'avoir échangé avec nous, {{customer.firstName}}. Je vous envoie un récapitulatif par e-mail avec votre numéro de dossier, {{case.number}}. Si vous avez besoin d'autre chose, lancez simplement une nouvelle discussion.",
    ],
    ru: [
      'Благодарность',
      'Спасибо за обращение, {{customer.firstName}}! Я отправлю вам на почту краткий итог с номером обращения {{case.number}}. Если появятся другие вопросы, просто начните новый чат — мы всегда рады помочь.',
    ],
    'zh-Hans': [
      '结束致谢',
      '感谢您与我们交流，{{customer.firstName}}。我会通过电子邮件将包含案例编号 {{case.number}} 的摘要发送给您。如有其他问题，欢迎随时发起新的对话。',
    ],
    'zh-Hant': [
      '結束致謝',
      '感謝您與我們交流，{{customer.firstName}}。我會透過電子郵件將包含案例編號 {{case.number}} 的摘要寄給您。如有其他問題，歡迎隨時發起新的對話。',
    ],
  },
};
