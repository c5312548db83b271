import type { Catalogue } from '@switchboard/shared/i18n';
import type { integrationsTextsEn } from '../../supervisor/admin/integrations-texts-en.js';
import type { consoleFrameEn } from '../../supervisor/console-frame-texts-en.js';

/*
 * Vouvoiement; « conseiller » for an agent and « discussion » for a chat, as
 * in the customer's texts. A webhook endpoint is « une adresse », in service
 * or not (« en service », « hors service »), which reads the same whatever
 * the gender of the word before it.
 */
const frame: Catalogue<typeof consoleFrameEn> = {
  'console.back': 'Retour à mon poste',
  'console.jobs': 'Files de tâches',
  'console.title': 'Console de supervision',
  'console.sections': 'Sections de la console',
  'console.reconnecting': 'Connexion perdue — reconnexion en cours. Les chiffres ne sont peut-être plus à jour.',
  'section.board': 'Tableau en direct',
  'section.idle': 'Discussions inactives',
  'section.observe': 'Observer',
  'section.admin': 'Administration',
  'section.reports': 'Rapports',
  'section.audit': 'Journal d’audit',
  'section.blocks': 'Visiteurs bloqués',
  'admin.tabs': 'Éléments à administrer',
  'admin.tab.canned': 'Réponses types',
  'admin.tab.articles': 'Base de connaissances',
  'admin.tab.agents': 'Conseillers',
  'admin.tab.departments': 'Services',
  'admin.tab.widget': 'Widget',
  'admin.tab.files': 'Fichiers',
  'admin.new': 'Ajouter',
  'admin.edit': 'Modifier',
  'admin.save': 'Enregistrer',
  'admin.saving': 'Enregistrement…',
  'admin.cancel': 'Annuler',
  'admin.saved': 'Enregistré.',
  'admin.loading': 'Chargement…',
  'admin.error': 'Cela n’a pas fonctionné : {reason}',
  'admin.error.CONFLICT': 'Ce nom est déjà pris.',
  'admin.error.FORBIDDEN': 'Votre rôle ne permet pas cette modification.',
  'admin.error.NOT_FOUND': 'Cet élément n’existe plus ; rechargez la liste.',
  'admin.error.VALIDATION_FAILED': 'Vérifiez ces champs :',
};

const integrations: Catalogue<typeof integrationsTextsEn> = {
  'admin.tab.webhooks': 'Webhooks',
  'webhooks.explain':
    'Switchboard envoie à ces adresses ce qui se passe dans les discussions, chaque envoi signé avec le secret de son adresse. La vérification d’un envoi est décrite dans docs/webhooks.md.',
  'webhooks.empty': 'Aucune adresse de webhook pour l’instant.',
  'webhooks.url': 'Adresse (https://…)',
  'webhooks.address': 'Adresse',
  'webhooks.description': 'Description',
  'webhooks.events': 'Événements à envoyer',
  'webhooks.internalNotes': 'Envoyer aussi les notes internes (jamais montrées aux clients)',
  'webhooks.status': 'État',
  'webhooks.status.on': 'En service',
  'webhooks.status.off': 'Hors service',
  'webhooks.status.failing': 'Hors service après des échecs répétés ({failures}× de suite, {at})',
  'webhooks.failingNotice':
    'Les envois vers {url} échouaient sans cesse : l’adresse a été mise hors service le {at}. Corrigez le récepteur, puis remettez-la en service ; « Envois » montre ce qui a échoué.',
  'webhooks.failuresInRow': {
    one: '{count} envoi échoué de suite',
    other: '{count} envois échoués de suite',
  },
  'webhooks.turnOn': 'Remettre en service',
  'webhooks.turnOff': 'Mettre hors service',
  'webhooks.rotate': 'Changer le secret',
  'webhooks.delete': 'Supprimer',
  'webhooks.deleteConfirm': 'Supprimer {url} et son journal d’envois ?',
  'webhooks.deleted': 'Adresse supprimée.',
  'webhooks.deliveries': 'Envois',
  'webhooks.secretTitle': 'Secret de signature — copiez-le maintenant, il ne s’affiche qu’une fois',
  'webhooks.secretRotated': 'L’ancien secret continue lui aussi de signer les envois jusqu’au {until}.',
  'webhooks.secretDone': 'Je l’ai copié',
  'webhooks.log.heading': 'Derniers envois vers {url}',
  'webhooks.log.empty': 'Aucun envoi pour l’instant.',
  'webhooks.log.when': 'Date',
  'webhooks.log.event': 'Événement',
  'webhooks.log.status': 'État',
  'webhooks.log.attempts': 'Tentatives',
  'webhooks.log.response': 'Réponse',
  'webhooks.log.latency': 'Latence',
  'webhooks.log.error': 'Dernière erreur',
  'webhooks.log.redeliver': 'Renvoyer',
  'webhooks.log.redelivering': 'Renvoyé ; le journal se met à jour dans un instant.',
  'webhooks.log.refresh': 'Actualiser',
  'webhooks.log.close': 'Fermer le journal',
  'webhooks.delivery.pending': 'En attente',
  'webhooks.delivery.delivered': 'Livré',
  'webhooks.delivery.failed': 'Échec',
  'webhooks.delivery.skipped': 'Ignoré (adresse hors service)',
  'admin.tab.tokens': 'Jetons d’API',
  'tokens.explain':
    'Les jetons permettent à vos autres systèmes d’appeler l’API REST (docs/api-tokens.md). Chacun ne peut faire que ce que ses autorisations permettent, n’ouvre jamais le poste des conseillers ni de socket, et chaque utilisation figure dans le journal d’audit.',
  'tokens.empty': 'Aucun jeton d’API pour l’instant.',
  'tokens.name': 'Nom',
  'tokens.scopes': 'Autorisations',
  'tokens.expiresInDays': 'Durée de validité (jours)',
  'tokens.status': 'État',
  'tokens.lastUsed': 'Dernière utilisation',
  'tokens.never': 'Jamais',
  'tokens.expires': 'Expire le {at}',
  'tokens.expired': 'Expiré le {at}',
  'tokens.revoked': 'Révoqué le {at}',
  'tokens.revoke': 'Révoquer',
  'tokens.revokeConfirm': 'Révoquer « {name} » ? Les appels qui l’utilisent échoueront aussitôt.',
  'tokens.revokedNotice': 'Jeton révoqué.',
  'tokens.secretTitle': 'Jeton d’API — copiez-le maintenant, il ne s’affiche qu’une fois',
  'admin.tab.privacy': 'Protection des données',
  'privacy.explain':
    'Répondez à la demande d’un client : retrouvez-le par son adresse e-mail, puis exportez tout ce qui est conservé à son sujet, ou effacez-le. Les deux figurent dans le journal d’audit (ce qui a été fait, jamais les données).',
  'privacy.email': 'E-mail du client',
  'privacy.find': 'Rechercher',
  'privacy.none': 'Aucun client n’a donné cette adresse.',
  'privacy.customer': 'Client',
  'privacy.conversations': 'Discussions',
  'privacy.export': 'Exporter (JSON)',
  'privacy.erase': 'Effacer…',
  'privacy.eraseConfirm':
    'Effacer tout ce qui est conservé au sujet de {who} ? Ses messages, fichiers, coordonnées et e-mails seront supprimés définitivement ; ses discussions resteront comptées dans les rapports, sans eux.',
  'privacy.erased': 'Effacé : {chats}, {messages}, {files}.',
  'privacy.count.chats': { one: '{count} discussion', other: '{count} discussions' },
  'privacy.count.messages': { one: '{count} message', other: '{count} messages' },
  'privacy.count.files': { one: '{count} fichier', other: '{count} fichiers' },
  'admin.error.reason.live-conversation':
    'Ce client est en pleine discussion. Fermez d’abord sa discussion, puis effacez.',
  'privacy.retention.heading': 'Conservation des discussions closes',
  'privacy.retention.none':
    'Aucune durée de conservation : les discussions closes sont gardées (définissez RETENTION_DAYS pour qu’elles soient effacées).',
  'privacy.retention.redacts': {
    one: 'Les discussions closes depuis plus de {count} jour perdent leurs messages, leurs fichiers et les coordonnées du client.',
    other:
      'Les discussions closes depuis plus de {count} jours perdent leurs messages, leurs fichiers et les coordonnées du client.',
  },
  'privacy.retention.deletes': {
    one: 'Les discussions closes depuis plus de {count} jour sont supprimées, avec leurs fichiers.',
    other: 'Les discussions closes depuis plus de {count} jours sont supprimées, avec leurs fichiers.',
  },
  'privacy.retention.matched': {
    one: '{count} discussion close a dépassé la durée de conservation (close avant le {cutoff}).',
    other: '{count} discussions closes ont dépassé la durée de conservation (closes avant le {cutoff}).',
  },
  'privacy.retention.apply': 'Appliquer maintenant',
  'privacy.retention.confirm': {
    one: 'Appliquer maintenant la durée de conservation à {count} discussion ?',
    other: 'Appliquer maintenant la durée de conservation à {count} discussions ?',
  },
};

export const fr = { frame, integrations };
