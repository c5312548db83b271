import type { Locale } from '@switchboard/shared';

type Variant = [title: string, summary: string, keywords: string];

/** The demo knowledge base of a consumer-electronics brand, per slug, in the five supported languages. */
export const DEMO_ARTICLES: Record<string, Record<Locale, Variant>> = {
  'battery-health': {
    en: [
      'Battery drains quickly',
      'Check Battery Health in Settings; below 80% maximum capacity, a replacement restores a full day of use.',
      'battery drain health capacity replacement',
    ],
    fr: [
      'La batterie se décharge vite',
      "Vérifiez l'état de la batterie dans Réglages ; sous 80 % de capacité maximale, un remplacement rend une journée d'autonomie.",
      'batterie autonomie décharge capacité remplacement',
    ],
    ru: [
      'Аккумулятор быстро разряжается',
      'Проверьте состояние аккумулятора в настройках; при ёмкости ниже 80 % замена вернёт полный день работы.',
      'аккумулятор батарея разряжается ёмкость замена',
    ],
    'zh-Hans': [
      '电池耗电快',
      '在“设置”中查看电池健康；最大容量低于 80% 时，更换电池即可恢复全天续航。',
      '电池 耗电 续航 容量 更换',
    ],
    'zh-Hant': [
      '電池耗電快',
      '在「設定」中查看電池健康度；最大容量低於 80% 時，更換電池即可恢復整天續航。',
      '電池 耗電 續航 容量 更換',
    ],
  },
  'wont-charge': {
    en: [
      "Device won't charge",
      'Try another cable and power adapter, gently clean the charging port, then restart the device.',
      'charge charging cable adapter port power',
    ],
    fr: [
      'L’appareil ne charge pas',
      'Essayez un autre câble et un autre adaptateur, nettoyez délicatement le port de charge, puis redémarrez.',
      'charge chargement câble adaptateur port',
    ],
    ru: [
      'Устройство не заряжается',
      'Попробуйте другой кабель и адаптер, аккуратно очистите разъём зарядки и перезагрузите устройство.',
      'зарядка заряжается кабель адаптер разъём',
    ],
    'zh-Hans': [
      '设备无法充电',
      '请换一根数据线和电源适配器，轻轻清洁充电口，然后重启设备。',
      '充电 数据线 适配器 充电口',
    ],
    'zh-Hant': [
      '裝置無法充電',
      '請換一條傳輸線和電源轉接器，輕輕清潔充電埠，然後重新啟動裝置。',
      '充電 傳輸線 轉接器 充電埠',
    ],
  },
  'reset-password': {
    en: [
      'Reset your account password',
      'Use “Forgot password” on the sign-in page; we never ask for your password in chat.',
      'password account sign-in login forgot reset',
    ],
    fr: [
      'Réinitialiser le mot de passe du compte',
      'Utilisez « Mot de passe oublié » sur la page de connexion ; nous ne demandons jamais votre mot de passe par chat.',
      'mot de passe compte connexion oublié réinitialiser',
    ],
    ru: [
      'Сброс пароля учётной записи',
      'Нажмите «Забыли пароль?» на странице входа; мы никогда не спрашиваем пароль в чате.',
      'пароль учётная запись вход сброс забыли',
    ],
    'zh-Hans': [
      '重置账户密码',
      '在登录页面点按“忘记密码”；我们绝不会在聊天中索要您的密码。',
      '密码 账户 登录 忘记 重置',
    ],
    'zh-Hant': [
      '重設帳號密碼',
      '在登入頁面點按「忘記密碼」；我們絕不會在聊天中索取您的密碼。',
      '密碼 帳號 登入 忘記 重設',
    ],
  },
  'screen-repair': {
    en: [
      'Cracked or broken screen',
      'Book a screen repair online or in store; repairs under warranty or protection plans cost less.',
      'screen cracked broken display repair glass',
    ],
    fr: [
      'Écran fissuré ou cassé',
      "Prenez rendez-vous en ligne ou en magasin pour réparer l'écran ; c'est moins cher sous garantie ou avec une extension.",
      'écran fissuré cassé affichage réparation vitre',
    ],
    ru: [
      'Треснул или разбит экран',
      'Запишитесь на ремонт экрана онлайн или в магазине; по гарантии или плану защиты он дешевле.',
      'экран треснул разбит дисплей ремонт стекло',
    ],
    'zh-Hans': [
      '屏幕碎裂或损坏',
      '可在线或到店预约屏幕维修；在保修期内或有保障计划时费用更低。',
      '屏幕 碎裂 损坏 显示屏 维修',
    ],
    'zh-Hant': [
      '螢幕破裂或損壞',
      '可線上或到店預約螢幕維修；在保固期內或有保障方案時費用更低。',
      '螢幕 破裂 損壞 顯示器 維修',
    ],
  },
  'warranty-coverage': {
    en: [
      'Check your warranty coverage',
      'Enter the serial number on the coverage page to see warranty status and repair options.',
      'warranty coverage serial number guarantee',
    ],
    fr: [
      'Vérifier votre garantie',
      "Saisissez le numéro de série sur la page de couverture pour voir l'état de la garantie et les options de réparation.",
      'garantie couverture numéro de série',
    ],
    ru: [
      'Проверка гарантии',
      'Введите серийный номер на странице покрытия, чтобы узнать статус гарантии и варианты ремонта.',
      'гарантия покрытие серийный номер',
    ],
    'zh-Hans': ['查询保修状态', '在保修查询页面输入序列号，即可查看保修状态和维修选项。', '保修 序列号 查询 维修'],
    'zh-Hant': ['查詢保固狀態', '在保固查詢頁面輸入序號，即可查看保固狀態和維修選項。', '保固 序號 查詢 維修'],
  },
  'earbuds-pairing': {
    en: [
      "Earbuds won't pair over Bluetooth",
      'Put both earbuds in the case, hold the button until the light flashes white, then pick them in Bluetooth settings.',
      'earbuds bluetooth pair pairing headphones connect',
    ],
    fr: [
      "Les écouteurs ne s'appairent pas en Bluetooth",
      "Placez les écouteurs dans l'étui, maintenez le bouton jusqu'à ce que le voyant clignote en blanc, puis choisissez-les dans les réglages Bluetooth.",
      'écouteurs bluetooth appairage jumelage casque connexion',
    ],
    ru: [
      'Наушники не подключаются по Bluetooth',
      'Положите наушники в кейс, удерживайте кнопку, пока индикатор не замигает белым, и выберите их в настройках Bluetooth.',
      'наушники bluetooth подключение сопряжение',
    ],
    'zh-Hans': [
      '耳机无法通过蓝牙配对',
      '将两只耳机放入充电盒，按住按钮直到指示灯闪白光，然后在蓝牙设置中选择它们。',
      '耳机 蓝牙 配对 连接',
    ],
    'zh-Hant': [
      '耳機無法透過藍牙配對',
      '將兩隻耳機放入充電盒，按住按鈕直到指示燈閃白光，然後在藍牙設定中選擇它們。',
      '耳機 藍牙 配對 連線',
    ],
  },
  'software-update': {
    en: [
      'Update the software',
      'Back up first, connect to Wi-Fi and power, then go to Settings > General > Software Update.',
      'update software upgrade version install',
    ],
    fr: [
      'Mettre à jour le logiciel',
      'Sauvegardez, connectez-vous au Wi-Fi et au secteur, puis allez dans Réglages > Général > Mise à jour logicielle.',
      'mise à jour logiciel version installer',
    ],
    ru: [
      'Обновление ПО',
      'Сделайте резервную копию, подключитесь к Wi-Fi и зарядке, затем откройте «Настройки» > «Основные» > «Обновление ПО».',
      'обновление программное обеспечение версия установка',
    ],
    'zh-Hans': [
      '更新软件',
      '先备份，连接无线局域网和电源，然后前往“设置”>“通用”>“软件更新”。',
      '更新 软件 升级 版本 安装',
    ],
    'zh-Hant': [
      '更新軟體',
      '先備份，連接 Wi-Fi 和電源，然後前往「設定」>「一般」>「軟體更新」。',
      '更新 軟體 升級 版本 安裝',
    ],
  },
  'data-backup': {
    en: [
      'Back up and restore your data',
      'Turn on cloud backup in Settings, or back up to a computer, before any repair or reset.',
      'backup restore data photos cloud transfer',
    ],
    fr: [
      'Sauvegarder et restaurer vos données',
      'Activez la sauvegarde dans le cloud dans Réglages, ou sauvegardez sur un ordinateur, avant toute réparation ou réinitialisation.',
      'sauvegarde restaurer données photos cloud',
    ],
    ru: [
      'Резервное копирование и восстановление',
      'Перед ремонтом или сбросом включите резервное копирование в облако в настройках или сохраните копию на компьютере.',
      'резервная копия восстановление данные фото облако',
    ],
    'zh-Hans': ['备份和恢复数据', '维修或重置前，请在“设置”中开启云备份，或备份到电脑。', '备份 恢复 数据 照片 云'],
    'zh-Hant': [
      '備份和回復資料',
      '維修或重置前，請在「設定」中開啟雲端備份，或備份到電腦。',
      '備份 回復 資料 照片 雲端',
    ],
  },
};

export const articleUrl = (locale: Locale, slug: string) =>
  `https://support.example.com/${locale.toLowerCase()}/articles/${slug}`;
