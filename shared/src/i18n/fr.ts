import type { Catalogue } from './catalogue.js';
import type { en } from './en.js';

/*
 * Vouvoiement throughout, and no wording that needs the customer's or the
 * advisor's gender ("sans nouvelles de votre part" rather than "absent(e)"; a named
 * advisor is « Votre contact », not « Conseiller(ère) »: docs/languages.md).
 * French typography: a no-break space (\u00a0) before ? ! : ; and inside « ».
 */
export const fr: Catalogue<typeof en> = {
  'system.started': 'Merci de nous avoir contactés. Un conseiller va vous répondre dans un instant.',
  'system.started.case':
    'Merci de nous avoir contactés. Votre numéro de dossier est {caseNumber} et un conseiller va vous répondre dans un instant.',
  'system.started.noAgents':
    'Merci de nous avoir contactés. Votre numéro de dossier est {caseNumber}. Aucun conseiller n’est en ligne pour le moment\u00a0: vous pouvez garder cette conversation ouverte et un conseiller vous répondra ici dès son retour, ou nous laisser un message et nous vous répondrons par e-mail.',
  'system.started.closed':
    'Merci de nous avoir contactés. Votre numéro de dossier est {caseNumber}. Notre équipe est fermée pour le moment\u00a0: vous pouvez garder cette conversation ouverte et un conseiller vous répondra ici dès notre retour, ou nous laisser un message et nous vous répondrons par e-mail.',
  'system.assigned': 'Vous échangez à présent avec {agentName}.',
  'system.assigned.generic': 'Vous échangez à présent avec l’un de nos conseillers.',
  'system.transferred.agent':
    '{agentName} prend le relais et a accès à l’ensemble de votre échange\u00a0: inutile de tout réexpliquer.',
  'system.transferred.team':
    'Nous avons transmis votre conversation à notre équipe {department}. Elle a accès à l’ensemble de votre échange\u00a0: inutile de tout réexpliquer.',
  'system.transferred.team.noAgents':
    'Nous avons transmis votre conversation à notre équipe {department}, qui a accès à l’ensemble de votre échange. Personne de cette équipe n’est en ligne pour le moment\u00a0: vous pouvez garder cette conversation ouverte et elle vous répondra ici dès que quelqu’un sera de retour, ou nous laisser un message et nous vous répondrons par e-mail.',
  'system.transferred.team.closed':
    'Nous avons transmis votre conversation à notre équipe {department}, qui a accès à l’ensemble de votre échange. Cette équipe est fermée pour le moment\u00a0: vous pouvez garder cette conversation ouverte et elle vous répondra ici dès son retour, ou nous laisser un message et nous vous répondrons par e-mail.',
  'system.transferred.generic':
    'Nous avons confié votre conversation à un collègue qui pourra vous aider et qui a accès à l’ensemble de votre échange.',
  'system.requeued':
    'Nous vous mettons en relation avec un autre conseiller. Vous conservez votre place dans la file d’attente, merci de garder cette fenêtre ouverte.',
  'system.closed':
    'Cette conversation est terminée. Merci de nous avoir contactés. Pour toute autre question, vous pouvez démarrer une nouvelle conversation à tout moment.',
  'system.closed.summary':
    'Cette conversation est terminée. Nous vous envoyons par e-mail un récapitulatif avec votre numéro de dossier, {caseNumber}. Pour toute autre question, vous pouvez démarrer une nouvelle conversation à tout moment.',
  'system.idleNudge': 'Êtes-vous toujours là\u00a0? Je reste à votre disposition, prenez votre temps.',
  'system.idleClose':
    'Sans nouvelles de votre part, je vais clore cette conversation pour le moment. Dès que vous le souhaitez, démarrez simplement une nouvelle conversation\u00a0: nous serons ravis de vous aider.',
  'system.idleClose.summary':
    'Sans nouvelles de votre part, je vais clore cette conversation pour le moment. Nous vous envoyons par e-mail un récapitulatif avec votre numéro de dossier, {caseNumber}. Dès que vous le souhaitez, démarrez une nouvelle conversation en indiquant ce numéro\u00a0: nous serons ravis de vous aider.',
  'system.agentJoined': '{agentName} a rejoint la conversation.',
  'system.agentJoined.generic': 'Un conseiller a rejoint la conversation.',
  'system.agentLeft': '{agentName} a quitté la conversation.',
  'system.agentLeft.generic': 'Le conseiller a quitté la conversation.',

  'queue.next': 'C’est bientôt à vous\u00a0: un conseiller va vous répondre dans un instant.',
  'queue.ahead': {
    one: 'Il y a {count} personne avant vous.',
    other: 'Il y a {count} personnes avant vous.',
  },
  'queue.wait.lessThanMinute': 'Le temps d’attente devrait être inférieur à une minute.',
  'queue.wait.minutes': {
    one: 'Le temps d’attente est d’environ {count} minute.',
    other: 'Le temps d’attente est d’environ {count} minutes.',
  },
  'queue.wait.hours': {
    one: 'Le temps d’attente est d’environ {count} heure.',
    other: 'Le temps d’attente est d’environ {count} heures.',
  },
  'queue.wait.unknown':
    'Nous ne pouvons pas estimer le temps d’attente pour le moment, mais un conseiller vous répondra dès que possible.',
  'queue.keepOpen': 'Merci de garder cette fenêtre ouverte pour conserver votre place.',

  'offline.received': 'Merci, nous avons bien reçu votre message.',
  'offline.replyByEmail': 'Un conseiller vous répondra par e-mail dans les meilleurs délais.',
  'offline.caseNumber': 'Votre numéro de dossier est {caseNumber}.',

  'email.subject': 'Récapitulatif de votre conversation – dossier {caseNumber}',
  'email.greeting': 'Bonjour {customerName},',
  'email.greeting.generic': 'Bonjour,',
  'email.intro': 'Merci d’avoir échangé avec nous. Voici une copie de votre conversation, à conserver.',
  'email.label.caseNumber': 'Numéro de dossier',
  'email.label.department': 'Service',
  'email.label.agent': 'Votre contact',
  'email.label.date': 'Date',
  'email.label.customer': 'Vous',
  'email.transcriptHeading': 'Votre conversation',
  'email.rate.prompt':
    'Comment s’est passé votre échange\u00a0? Votre avis ne prend qu’une minute et nous aide à nous améliorer.',
  'email.rate.action': 'Évaluer la conversation',
  'email.file': 'Fichier : {name}',
  'email.file.until': 'lien valable jusqu’au {date}',
  'email.file.removed': '{name} (fichier supprimé)',
  'email.footer.help':
    'Besoin d’aide supplémentaire\u00a0? Démarrez une nouvelle conversation sur notre site d’assistance en indiquant votre numéro de dossier, {caseNumber}.',
  'email.footer.automated': 'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre.',

  'greeting.agent':
    'Bonjour {customerName}, je m’appelle {agentName} et je vais vous aider aujourd’hui. Que puis-je faire pour vous\u00a0?',
  'greeting.agent.generic':
    'Bonjour, je m’appelle {agentName} et je vais vous aider aujourd’hui. Que puis-je faire pour vous\u00a0?',
};
