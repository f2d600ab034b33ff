import Vocabulary

/// What Act keeps in the store: the outbox and decisions, messages and their states, the audit trail, helpdesk
/// ticket threads and sent mail.
public typealias ActStore = MessageStore & AuditLogStore & OutboxStore & HelpdeskThreadStore & SentMailStore
