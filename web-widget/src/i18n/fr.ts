import type { Catalogue } from '@switchboard/shared';
import type { en } from './en';

/*
 * Vouvoiement throughout; « conseiller » and « numéro de dossier » as in the shared texts.
 * A named advisor is introduced by a neutral « Service client », never « Conseiller » /
 * « Conseillère », which would guess their gender (docs/languages.md).
 */
export const fr: Catalogue<typeof en> = {
  title: 'Assistance',
  close: 'Fermer le chat',
  endChat: 'Terminer la discussion',
  connecting: 'Connexion…',
  resuming: 'Reprise de votre discussion…',
  offline: 'Vous êtes hors ligne. Vos messages partiront dès le retour de la connexion.',
  retry: 'Réessayer',
  back: 'Retour',
  unavailable: 'Le chat n’est pas disponible pour le moment. Veuillez réessayer un peu plus tard.',
  blocked: 'Le chat n’est pas disponible. Si vous avez encore besoin d’aide, contactez-nous par un autre moyen.',
  'limit.messages': 'Vous envoyez des messages très rapidement. Nous enverrons celui-ci dans un instant.',
  'limit.start':
    'Trop de conversations ont été ouvertes depuis votre réseau à l’instant. Veuillez réessayer dans une minute.',
  'limit.connections':
    'Trop de fenêtres de chat sont ouvertes depuis votre réseau. Nous nous reconnecterons dès que possible.',
  'limit.transcript': 'Nous avons déjà envoyé cette conversation par e-mail autant de fois que possible.',

  'prechat.intro': 'Bonjour ! Présentez-vous en quelques mots et nous vous mettons en relation avec un conseiller.',
  'prechat.introKnown': 'Bonjour {name} ! Comment pouvons-nous vous aider ?',
  'prechat.submit': 'Démarrer la discussion',
  'prechat.starting': 'Un instant…',
  'prechat.startFailed': 'Nous n’avons pas pu démarrer la discussion — veuillez réessayer.',
  'prechat.topicClosed':
    'Nos conseillers pour ce sujet sont absents pour le moment. Laissez-nous un message, nous vous répondrons par e-mail.',
  'field.name': 'Votre nom',
  'field.email': 'Adresse e-mail',
  'field.topic': 'Sujet',
  'field.topicChoose': 'Choisissez un sujet',
  'field.language': 'Langue',
  'field.region': 'Pays ou région',
  'field.optional': '(facultatif)',
  'field.message': 'Votre message',
  'error.name': 'Veuillez indiquer votre nom.',
  'error.email': 'Veuillez indiquer votre adresse e-mail.',
  'error.emailInvalid': 'Cette adresse e-mail ne semble pas valide.',
  'error.topic': 'Veuillez choisir un sujet.',
  'error.region': 'Veuillez indiquer votre pays ou votre région.',
  'error.message': 'Veuillez écrire votre message.',

  'queue.title': 'Vous êtes dans la file d’attente',
  'queue.finding': 'Nous recherchons un conseiller pour vous…',
  'queue.offline.closed': 'Nos conseillers sont absents pour le moment.',
  'queue.offline.no-agents': 'Aucun conseiller n’est disponible pour le moment.',
  'queue.offline.max-wait': 'L’attente est plus longue que d’habitude.',
  'queue.offline.hint': 'Vous pouvez aussi nous laisser un message : nous vous répondrons par e-mail.',
  'queue.offline.opensAt': 'Nous serons de retour {when}.',
  leaveMessage: 'Laisser un message',

  'chat.you': 'Vous',
  'chat.advisor': 'Service client',
  'chat.typing': '{name} est en train d’écrire…',
  'chat.typingGeneric': 'Un conseiller est en train d’écrire…',
  'chat.announce': 'Nouveau message de {name} : {text}',
  'chat.masked': 'Masqué pour votre sécurité',
  'composer.label': 'Message',
  'composer.placeholder': 'Écrivez votre message…',
  'composer.send': 'Envoyer',
  'status.sending': 'Envoi…',
  'status.sent': 'Envoyé',
  'status.delivered': 'Distribué',
  'status.read': 'Lu',
  'status.failed': 'Nous n’avons pas pu envoyer ce message — touchez pour réessayer',

  'secret.title': 'Envoyer ce message ?',
  'secret.card': 'Il semble contenir un numéro de carte bancaire.',
  'secret.password': 'Il semble contenir un mot de passe ou un code.',
  'secret.explain':
    'Nos conseillers ne vous demanderont jamais votre mot de passe ni votre numéro de carte complet. Si vous l’envoyez quand même, nous le leur masquerons.',
  'secret.edit': 'Modifier le message',
  'secret.send': 'Envoyer quand même',

  'end.confirmTitle': 'Terminer cette discussion ?',
  'end.confirmBody': 'Vous pourrez toujours en démarrer une nouvelle.',
  'end.confirm': 'Terminer',
  'end.cancel': 'Continuer la discussion',
  'end.title': 'Discussion terminée',
  'end.thanks': 'Merci de nous avoir contactés.',
  'end.case': 'Votre numéro de dossier est {caseNumber}.',
  'end.newChat': 'Démarrer une nouvelle discussion',
  'rating.legend': 'Comment s’est passée cette discussion ?',
  'rating.stars': { one: '{count} étoile', other: '{count} étoiles' },
  'rating.comment': 'Souhaitez-vous ajouter quelque chose ? (facultatif)',
  'rating.submit': 'Envoyer mon avis',
  'rating.thanks': 'Merci pour votre avis !',
  'rating.failed': 'Nous n’avons pas pu envoyer votre avis — veuillez réessayer.',
  'transcript.label': 'Recevoir la transcription par e-mail',
  'transcript.send': 'Envoyer la transcription',
  'transcript.sent': 'Elle est en route vers {email}.',
  'transcript.failed': 'Nous n’avons pas pu demander la transcription — veuillez réessayer.',
  'transcript.to': 'Nous l’enverrons à {email}, l’adresse que vous nous avez indiquée.',

  'offline.title': 'Laissez-nous un message',
  'offline.intro':
    'Nos conseillers sont absents pour le moment. Laissez-nous un message, nous vous répondrons par e-mail.',
  'offline.send': 'Envoyer le message',
  'offline.sentTitle': 'Message envoyé',
  'offline.sentBody': 'Merci ! Nous vous répondrons à l’adresse {email}. Votre numéro de dossier est {caseNumber}.',
  'offline.failed': 'Nous n’avons pas pu envoyer votre message — veuillez réessayer.',
};
