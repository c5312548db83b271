import type { Catalogue } from './catalogue.js';
import type { en } from './en.js';

/*
 * 您 throughout; 顾问 for "advisor" and 案例编号 for "case number", as
 * mainland consumer-electronics support writes them. Numbers and case numbers
 * get a space on each side in the templates; names get one from interpolate()
 * only when they are Latin ("Lei 正在为您服务"), not when they are Chinese.
 */
export const zhHans: Catalogue<typeof en> = {
  'system.started': '感谢您的联系，顾问将很快为您提供帮助。',
  'system.started.case': '感谢您的联系。您的案例编号是 {caseNumber}，顾问将很快为您提供帮助。',
  'system.started.noAgents':
    '感谢您的联系。您的案例编号是 {caseNumber}。目前没有顾问在线：您可以保持此对话窗口开启，顾问一上线就会在这里回复您；也可以留言，我们会通过电子邮件回复您。',
  'system.started.closed':
    '感谢您的联系。您的案例编号是 {caseNumber}。我们的团队目前不在工作时间：您可以保持此对话窗口开启，我们恢复服务后会在这里回复您；也可以留言，我们会通过电子邮件回复您。',
  'system.assigned': '{agentName}正在为您服务。',
  'system.assigned.generic': '顾问正在为您服务。',
  'system.transferred.agent': '{agentName}将继续为您服务，并能看到此前的全部对话，您无需重复说明。',
  'system.transferred.team': '您的对话已转接至{department}团队。他们能看到此前的全部对话，您无需重复说明。',
  'system.transferred.team.noAgents':
    '您的对话已转接至{department}团队，他们能看到此前的全部对话。该团队目前没有人在线：您可以保持此对话窗口开启，一有人上线就会在这里回复您；也可以留言，我们会通过电子邮件回复您。',
  'system.transferred.team.closed':
    '您的对话已转接至{department}团队，他们能看到此前的全部对话。该团队目前不在工作时间：您可以保持此对话窗口开启，团队恢复服务后会在这里回复您；也可以留言，我们会通过电子邮件回复您。',
  'system.transferred.generic': '您的对话已转接给能进一步帮助您的同事。对方能看到此前的全部对话，您无需重复说明。',
  'system.requeued': '正在为您转接其他顾问。您在队列中的位置会保留，请不要关闭此窗口。',
  'system.closed': '本次对话已结束，感谢您的联系。如有其他问题，欢迎随时发起新的对话。',
  'system.closed.summary':
    '本次对话已结束。我们会将对话摘要发送到您的邮箱，其中附有您的案例编号 {caseNumber}。如有其他问题，欢迎随时发起新的对话。',
  'system.idleNudge': '请问您还在吗？我一直都在，您方便时随时回复就好。',
  'system.idleClose': '您似乎暂时离开了，我先结束本次对话。如需帮助，随时发起新的对话即可，我们很乐意为您服务。',
  'system.idleClose.summary':
    '您似乎暂时离开了，我先结束本次对话。我们会将对话摘要发送到您的邮箱，其中附有您的案例编号 {caseNumber}。如需继续咨询，发起新的对话并提供该编号即可，我们很乐意为您服务。',
  'system.agentJoined': '{agentName}已加入对话。',
  'system.agentJoined.generic': '顾问已加入对话。',
  'system.agentLeft': '{agentName}已离开对话。',
  'system.agentLeft.generic': '顾问已离开对话。',

  'queue.next': '下一位就是您，顾问马上为您服务。',
  'queue.ahead': { other: '您前面还有 {count} 位客户。' },
  'queue.wait.lessThanMinute': '预计等待时间不到 1 分钟。',
  'queue.wait.minutes': { other: '预计等待时间约 {count} 分钟。' },
  'queue.wait.hours': { other: '预计等待时间约 {count} 小时。' },
  'queue.wait.unknown': '目前无法估算等待时间，顾问会尽快为您服务。',
  'queue.keepOpen': '请不要关闭此窗口，以免失去您在队列中的位置。',

  'offline.received': '感谢您的留言，我们已经收到。',
  'offline.replyByEmail': '顾问会尽快通过电子邮件回复您。',
  'offline.caseNumber': '您的案例编号是 {caseNumber}。',

  'email.subject': '您的在线对话记录（案例编号：{caseNumber}）',
  'email.greeting': '{customerName}，您好：',
  'email.greeting.generic': '您好：',
  'email.intro': '感谢您与我们联系。以下是本次对话的完整记录，供您留存。',
  'email.label.caseNumber': '案例编号',
  'email.label.department': '部门',
  'email.label.agent': '顾问',
  'email.label.date': '日期',
  'email.label.customer': '您',
  'email.transcriptHeading': '对话记录',
  'email.rate.prompt': '您对本次服务满意吗？花不到一分钟告诉我们，帮助我们做得更好。',
  'email.rate.action': '为本次对话评分',
  'email.file': '文件：{name}',
  'email.file.until': '链接有效期至 {date}',
  'email.file.removed': '{name}（文件已删除）',
  'email.footer.help': '如需进一步帮助，请在我们的支持网站发起新的对话，并提供您的案例编号 {caseNumber}。',
  'email.footer.automated': '此邮件由系统自动发送，请勿直接回复。',

  'greeting.agent': '{customerName}，您好！我是{agentName}，很高兴为您服务。请问有什么可以帮您？',
  'greeting.agent.generic': '您好！我是{agentName}，很高兴为您服务。请问有什么可以帮您？',
};
