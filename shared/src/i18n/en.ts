import type { CatalogueShape } from './format.js';

/*
 * The default texts the server shows or sends, in English: the base every
 * other language mirrors key for key. Written as an advisor would say them:
 * say what happens next, no codes, no blame. Apostrophes are straight on
 * purpose, so tests and docs can quote the texts as typed.
 */
export const en = {
  // System messages in the conversation (one or more per SYSTEM_EVENTS entry).
  'system.started': 'Thanks for contacting us. An advisor will be with you shortly.',
  'system.started.case':
    'Thanks for contacting us. Your case number is {caseNumber}, and an advisor will be with you shortly.',
  'system.started.noAgents':
    "Thanks for contacting us. Your case number is {caseNumber}. Nobody from our team is online right now: you can keep this chat open and an advisor will answer here as soon as one is back, or leave a message and we'll reply by email.",
  'system.started.closed':
    "Thanks for contacting us. Your case number is {caseNumber}. Our team is closed right now: you can keep this chat open and an advisor will answer here when we're back, or leave a message and we'll reply by email.",
  'system.assigned': "You're now chatting with {agentName}.",
  'system.assigned.generic': "You're now chatting with one of our advisors.",
  'system.transferred.agent':
    "{agentName} is taking over your chat and can see everything you've discussed so far, so there's no need to repeat yourself.",
  'system.transferred.team':
    "We've passed your chat to our {department} team. They can see everything you've discussed so far, so there's no need to repeat yourself.",
  'system.transferred.team.noAgents':
    "We've passed your chat to our {department} team, who can see everything you've discussed so far. Nobody from the team is online right now: you can keep this chat open and they'll answer here as soon as someone is back, or leave a message and we'll reply by email.",
  'system.transferred.team.closed':
    "We've passed your chat to our {department} team, who can see everything you've discussed so far. The team is closed right now: you can keep this chat open and they'll answer here when they're back, or leave a message and we'll reply by email.",
  'system.transferred.generic':
    "We've passed your chat to a colleague who can help further. They can see everything you've discussed so far.",
  'system.requeued':
    "We're connecting you with another advisor. You'll keep your place in line, so please keep this window open.",
  'system.closed':
    "This chat has ended. Thank you for contacting us — if there's anything else, you're welcome to start a new chat at any time.",
  'system.closed.summary':
    "This chat has ended. We'll email you a summary with your case number, {caseNumber}. If there's anything else, you're welcome to start a new chat at any time.",
  'system.idleNudge': "Are you still there? I'm here whenever you're ready.",
  'system.idleClose':
    "It looks like you've stepped away, so I'll close this chat for now. Whenever you're ready, just start a new chat — we'll be glad to help.",
  'system.idleClose.summary':
    "It looks like you've stepped away, so I'll close this chat for now. We'll email you a summary with your case number, {caseNumber}. Whenever you're ready, start a new chat and mention it — we'll be glad to help.",
  'system.agentJoined': '{agentName} has joined the chat.',
  'system.agentJoined.generic': 'An advisor has joined the chat.',
  'system.agentLeft': '{agentName} has left the chat.',
  'system.agentLeft.generic': 'An advisor has left the chat.',

  // Waiting in the queue.
  'queue.next': "You're next — an advisor will be with you in a moment.",
  'queue.ahead': {
    one: "There's {count} person ahead of you.",
    other: 'There are {count} people ahead of you.',
  },
  'queue.wait.lessThanMinute': 'The wait should be less than a minute.',
  'queue.wait.minutes': {
    one: 'The wait is about {count} minute.',
    other: 'The wait is about {count} minutes.',
  },
  'queue.wait.hours': {
    one: 'The wait is about {count} hour.',
    other: 'The wait is about {count} hours.',
  },
  'queue.wait.unknown': "We can't estimate the wait right now, but an advisor will be with you as soon as possible.",
  'queue.keepOpen': "Please keep this window open so you don't lose your place.",

  // A message left while no one could take the chat.
  'offline.received': "Thank you — we've received your message.",
  'offline.replyByEmail': 'One of our advisors will reply to you by email as soon as possible.',
  'offline.caseNumber': 'Your case number is {caseNumber}.',

  // The transcript email.
  'email.subject': 'Summary of your chat — case {caseNumber}',
  'email.greeting': 'Hi {customerName},',
  'email.greeting.generic': 'Hello,',
  'email.intro': "Thank you for chatting with us. Here's a copy of your conversation for your records.",
  'email.label.caseNumber': 'Case number',
  'email.label.department': 'Department',
  'email.label.agent': 'Advisor',
  'email.label.date': 'Date',
  'email.label.customer': 'You',
  'email.transcriptHeading': 'Your conversation',
  'email.rate.prompt': 'How did we do? It takes less than a minute and helps us improve.',
  'email.rate.action': 'Rate your chat',
  'email.file': 'File: {name}',
  'email.file.until': 'link works until {date}',
  'email.file.removed': '{name} (file removed)',
  'email.footer.help':
    'Need more help? Start a new chat on our support site and mention your case number, {caseNumber}.',
  'email.footer.automated': "This email was sent automatically, so please don't reply to it.",

  // The template agents start from (canned response, variables filled in by the agent app).
  'greeting.agent': "Hi {customerName}, I'm {agentName} — thanks for reaching out. How can I help you today?",
  'greeting.agent.generic': "Hi, I'm {agentName} — thanks for reaching out. How can I help you today?",
} as const satisfies CatalogueShape;

export type DefaultTextKey = keyof typeof en;
