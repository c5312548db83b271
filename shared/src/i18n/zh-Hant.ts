import type { Catalogue } from './catalogue.js';
import type { en } from './en.js';

/*
 * Traditional Chinese as written in Taiwan (視窗, 電子郵件信箱, 等候順序),
 * which Hong Kong and Macau readers also read comfortably for service texts.
 * Same spacing rule as zh-Hans: spaces around numbers in the templates; names are spaced by
 * interpolate() when they are Latin ("Lei 正在為您服務") and not when they are Chinese.
 */
export const zhHant: Catalogue<typeof en> = {
  'system.started': '感謝您的聯絡，顧問將很快為您提供協助。',
  'system.started.case': '感謝您的聯絡。您的案例編號是 {caseNumber}，顧問將很快為您提供協助。',
  'system.started.noAgents':
    '感謝您的聯絡。您的案例編號是 {caseNumber}。目前沒有顧問在線上：您可以保持此對話視窗開啟，顧問一上線就會在這裡回覆您；也可以留言，我們會透過電子郵件回覆您。',
  'system.started.closed':
    '感謝您的聯絡。您的案例編號是 {caseNumber}。我們的團隊目前不在服務時間：您可以保持此對話視窗開啟，我們恢復服務後會在這裡回覆您；也可以留言，我們會透過電子郵件回覆您。',
  'system.assigned': '{agentName}正在為您服務。',
  'system.assigned.generic': '顧問正在為您服務。',
  'system.transferred.agent': '{agentName}將接手為您服務，並能看到先前的完整對話，您不需要重複說明。',
  'system.transferred.team': '您的對話已轉接至{department}團隊。他們能看到先前的完整對話，您不需要重複說明。',
  'system.transferred.team.noAgents':
    '您的對話已轉接至{department}團隊，他們能看到先前的完整對話。該團隊目前沒有人在線上：您可以保持此對話視窗開啟，一有人上線就會在這裡回覆您；也可以留言，我們會透過電子郵件回覆您。',
  'system.transferred.team.closed':
    '您的對話已轉接至{department}團隊，他們能看到先前的完整對話。該團隊目前不在服務時間：您可以保持此對話視窗開啟，團隊恢復服務後會在這裡回覆您；也可以留言，我們會透過電子郵件回覆您。',
  'system.transferred.generic': '您的對話已轉接給能進一步協助您的同事。對方能看到先前的完整對話，您不需要重複說明。',
  'system.requeued': '正在為您轉接其他顧問。您的等候順序會保留，請不要關閉此視窗。',
  'system.closed': '本次對話已結束，感謝您的聯絡。如有其他問題，歡迎隨時開始新的對話。',
  'system.closed.summary':
    '本次對話已結束。我們會將對話摘要寄到您的電子郵件信箱，內含您的案例編號 {caseNumber}。如有其他問題，歡迎隨時開始新的對話。',
  'system.idleNudge': '請問您還在嗎？我一直都在，您方便時隨時回覆就好。',
  'system.idleClose': '您似乎暫時離開了，我先結束本次對話。如需協助，隨時開始新的對話即可，我們很樂意為您服務。',
  'system.idleClose.summary':
    '您似乎暫時離開了，我先結束本次對話。我們會將對話摘要寄到您的電子郵件信箱，內含您的案例編號 {caseNumber}。如需繼續諮詢，開始新的對話並提供此編號即可，我們很樂意為您服務。',
  'system.agentJoined': '{agentName}已加入對話。',
  'system.agentJoined.generic': '顧問已加入對話。',
  'system.agentLeft': '{agentName}已離開對話。',
  'system.agentLeft.generic': '顧問已離開對話。',

  'queue.next': '下一位就是您，顧問馬上為您服務。',
  'queue.ahead': { other: '您前面還有 {count} 位客戶。' },
  'queue.wait.lessThanMinute': '預計等候時間不到 1 分鐘。',
  'queue.wait.minutes': { other: '預計等候時間約 {count} 分鐘。' },
  'queue.wait.hours': { other: '預計等候時間約 {count} 小時。' },
  'queue.wait.unknown': '目前無法估算等候時間，顧問會盡快為您服務。',
  'queue.keepOpen': '請不要關閉此視窗，以免失去您的等候順序。',

  'offline.received': '感謝您的留言，我們已經收到。',
  'offline.replyByEmail': '顧問會盡快以電子郵件回覆您。',
  'offline.caseNumber': '您的案例編號是 {caseNumber}。',

  'email.subject': '您的線上對話記錄（案例編號：{caseNumber}）',
  'email.greeting': '{customerName}，您好：',
  'email.greeting.generic': '您好：',
  'email.intro': '感謝您與我們聯絡。以下是本次對話的完整記錄，供您留存。',
  'email.label.caseNumber': '案例編號',
  'email.label.department': '部門',
  'email.label.agent': '顧問',
  'email.label.date': '日期',
  'email.label.customer': '您',
  'email.transcriptHeading': '對話記錄',
  'email.rate.prompt': '您對本次服務滿意嗎？花不到一分鐘告訴我們，協助我們做得更好。',
  'email.rate.action': '為本次對話評分',
  'email.file': '檔案：{name}',
  'email.file.until': '連結有效期至 {date}',
  'email.file.removed': '{name}（檔案已刪除）',
  'email.footer.help': '如需進一步協助，請在我們的支援網站開始新的對話，並提供您的案例編號 {caseNumber}。',
  'email.footer.automated': '此郵件由系統自動寄出，請勿直接回覆。',

  'greeting.agent': '{customerName}，您好！我是{agentName}，很高興為您服務。請問有什麼可以幫您？',
  'greeting.agent.generic': '您好！我是{agentName}，很高興為您服務。請問有什麼可以幫您？',
};
