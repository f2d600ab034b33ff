import Vocabulary

/// What the auditor's tools read: the audit trail and the messages it speaks of.
public typealias AuditStore = MessageStore & AuditLogStore
