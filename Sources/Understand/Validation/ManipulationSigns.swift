import Foundation
import Vocabulary
import Parse
import Patterns

/// Signs that a mail tries to steer the automation instead of doing business with a person: instructions
/// addressed to an automated reader ("ignore all previous instructions", "you are an AI assistant", chat-template
/// tokens), an announcement of changed bank details (the classic invoice-redirection fraud), invisible
/// direction-changing characters that disguise a subject or an attachment's name, and template syntax in the
/// text (never evaluated — Mailroom fills only the rule author's templates — but worth an auditor's eye).
///
/// The first three send the mail to a person, with the sign and where it was found as the reason, and no
/// language model is asked about it; template syntax is only recorded. Every sign is an `UnderstandingStep`
/// (method `manipulation-check`), so it is in the `understood` or `review` audit event.
///
/// The phrases are written for English, German, French, Spanish, Italian, Chinese and Japanese; they name the
/// automation or the bank account explicitly, so ordinary business mail ("please ignore my previous mail",
/// "mark the invoice as paid", "System: Windows 11") does not match. All patterns run on RE2 (linear time)
/// over at most `scanLimit` characters of each text.
public enum ManipulationSigns {
    public enum Category: String, Sendable, CaseIterable {
        case instructionsToAutomation = "instructions_to_automation"
        case changedBankDetails = "changed_bank_details"
        case disguisingCharacters = "disguising_characters"
        case templateSyntax = "template_syntax"

        /// Whether a mail with this sign goes to a person.
        public var holdsForReview: Bool { self != .templateSyntax }
    }

    public struct Sign: Sendable, Equatable {
        public var category: Category
        /// "subject", "body", "attachment:NAME", "attachment name", "sender name", "attached message".
        public var location: String
        /// The words that matched (at most 80 characters, control characters removed).
        public var excerpt: String
    }

    /// Characters of one text that are looked at.
    public static let scanLimit = 200_000

    /// The method name of the step recording the signs.
    public static let stepMethod = "manipulation-check"

    /// Every sign in the mail, at most one per category and place.
    public static func find(in content: MessageContent) -> [Sign] {
        var texts: [(String, String)] = []
        if let subject = content.message.subject { texts.append(("subject", subject)) }
        texts.append(("body", content.message.text))
        for (i, doc) in content.documents.enumerated() where !doc.text.isEmpty {
            let name = doc.filename ?? content.message.attachments[safe: i]?.filename ?? "part \(i + 1)"
            texts.append(("attachment:\(name)", doc.text))
        }
        for attached in content.message.attachedMessages {
            texts.append(("attached message", (attached.subject ?? "") + "\n" + attached.text))
        }
        var signs: [Sign] = []
        for (location, full) in texts where !full.isEmpty {
            let text = full.count > scanLimit ? String(full.prefix(scanLimit)) : full
            for (category, patterns) in [(Category.instructionsToAutomation, instructionPatterns),
                                         (.changedBankDetails, bankPatterns), (.templateSyntax, templatePatterns)] {
                if let match = patterns.lazy.compactMap({ $0.firstMatch(in: text) }).first {
                    signs.append(Sign(category: category, location: location, excerpt: excerpt(match.value)))
                }
            }
        }
        // Direction overrides in the names a person reads first.
        var names: [(String, String)] = []
        if let subject = content.message.subject { names.append(("subject", subject)) }
        for attachment in content.message.attachments { if let f = attachment.filename { names.append(("attachment name", f)) } }
        for address in content.message.from where !address.name.isNilOrEmpty { names.append(("sender name", address.name ?? "")) }
        for (location, name) in names {
            if let scalar = name.unicodeScalars.first(where: { disguising.contains($0.value) }) {
                signs.append(Sign(category: .disguisingCharacters, location: location,
                                  excerpt: String(format: "U+%04X in “%@”", scalar.value, excerpt(name))))
            }
        }
        return signs
    }

    /// `understanding` with the signs found in `content`: each recorded as a step, and those that hold a mail
    /// as review reasons.
    public static func flag(_ understanding: Understanding, content: MessageContent) -> Understanding {
        let signs = find(in: content)
        guard !signs.isEmpty else { return understanding }
        var u = understanding
        for sign in signs {
            u.steps.append(UnderstandingStep(method: stepMethod, kind: nil, confidence: nil,
                                             note: "\(sign.category.rawValue) in \(sign.location): “\(sign.excerpt)”"))
            guard sign.category.holdsForReview else { continue }
            let reason = reviewReason(sign)
            if !u.review.contains(reason) { u.review.append(reason) }
        }
        return u
    }

    /// True when the understanding carries a sign that holds the mail (then no model is asked about it).
    public static func holds(_ understanding: Understanding) -> Bool {
        understanding.steps.contains { step in
            step.method == stepMethod && Category.allCases.contains { $0.holdsForReview && step.note.hasPrefix($0.rawValue + " ") }
        }
    }

    /// The signs recorded in an understanding's steps, for the audit trail.
    public static func recorded(in understanding: Understanding) -> [String] {
        understanding.steps.filter { $0.method == stepMethod }.map(\.note)
    }

    static func reviewReason(_ sign: Sign) -> String {
        switch sign.category {
        case .instructionsToAutomation:
            return "the mail gives instructions to an automated reader (“\(sign.excerpt)” in the \(sign.location)): "
                + "a person decides, no model was asked"
        case .changedBankDetails:
            return "the mail announces changed bank details (“\(sign.excerpt)” in the \(sign.location)): confirm them "
                + "with the sender through a contact you already know before anything is paid"
        case .disguisingCharacters:
            return "an invisible direction-changing character in the \(sign.location) (\(sign.excerpt)) can disguise "
                + "what it says: a person looks"
        case .templateSyntax:
            return ""
        }
    }

    static func excerpt(_ s: String) -> String {
        let cleaned = String(s.unicodeScalars.map { $0.value < 0x20 || disguising.contains($0.value) ? " " : Character($0) })
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return cleaned.count > 80 ? String(cleaned.prefix(79)) + "…" : cleaned
    }

    /// Embedding and override controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI); the plain marks LRM/RLM
    /// are common in right-to-left mail and not counted.
    static let disguising: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    private static func compile(_ sources: [String]) -> [TextPattern] {
        sources.map { source in
            do { return try TextPattern(source, caseInsensitive: true) } catch {
                preconditionFailure("ManipulationSigns: a built-in pattern does not compile: \(source): \(error)")
            }
        }
    }

    /// Instructions addressed to a model or an automated system.
    static let instructionPatterns = compile([
        // English
        #"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|preceding|all|any|your|system)\b[^.\n]{0,30}\b(?:instructions?|prompts?|directions?|guidelines?|guardrails?)\b"#,
        #"\b(?:you are|you['’]re|act as|pretend to be|behave as|roleplay as)\s+(?:now\s+)?(?:an?\s+|the\s+)?(?:ai|a\.i\.|ai assistant|assistant|language model|llm|chatbot|gpt|large language model)\b"#,
        #"\b(?:system prompt|developer mode|jailbreak|prompt injection|dan mode)\b"#,
        #"\b(?:new|updated|additional|hidden|secret|important)\s+instructions?\s+(?:for|to)\s+(?:the\s+|any\s+)?(?:ai|assistant|model|llm|bot|automation|automated system|classifier|mailroom|agent)\b"#,
        #"\b(?:note|message|attention|instruction)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:ai|llm|language model|assistant|automated system|classifier|bot)\b"#,
        #"\b(?:classify|categori[sz]e|label)\s+(?:this|the)\s+(?:e-?mail|message|mail|document|ticket)\s+as\b"#,
        #"\b(?:auto-?approve|approve (?:it |this |them )?automatically|automatically approve|skip (?:the )?(?:human )?(?:review|approval))\b"#,
        #"\bdo not (?:tell|inform|notify|alert|show)\s+(?:the\s+)?(?:user|human|operator|reviewer|administrator|admin)\b"#,
        #"(?:<\|im_start\|>|<\|im_end\|>|<\|system\|>|<\|assistant\|>|\[/?INST\]|<<SYS>>|<\|endoftext\|>|###\s*(?:system|instruction)s?\s*:)"#,
        // German
        #"(?:\bignorier\w*|\bvergiss|\bmissachte\w*|übergeh\w*)\b[^.\n]{0,40}\b(?:vorherigen|bisherigen|obigen|vorigen|alle\w*|deine|ihre|system\w*)\b[^.\n]{0,30}\b(?:anweisungen|instruktionen|vorgaben|befehle)\b"#,
        #"\b(?:du bist|sie sind)\s+(?:jetzt\s+|nun\s+)?(?:ein|eine)\s+(?:ki|ki-assistent\w*|assistent\w*|sprachmodell|chatbot|bot)\b"#,
        #"\b(?:hinweis|anweisung|nachricht)\s+(?:an|für)\s+(?:die\s+|den\s+)?(?:ki|künstliche intelligenz|sprachmodell|automatisierung|maschine)\b"#,
        #"(?:überspring\w*|\bumgeh\w*)\s+(?:die\s+|den\s+)?(?:prüfung|freigabe|genehmigung|review)\b"#,
        // French, Spanish, Italian
        #"\bignor\w*\b[^.\n]{0,40}\b(?:instructions|consignes)\s+(?:précédentes|antérieures|ci-dessus)\b"#,
        #"\b(?:tu es|vous êtes)\s+(?:maintenant\s+)?(?:une?\s+)?(?:ia|assistant|modèle de langage)\b"#,
        #"\bignor\w*\b[^.\n]{0,40}\b(?:instrucciones)\s+(?:anteriores|previas)\b"#,
        #"\b(?:eres)\s+(?:ahora\s+)?(?:una?\s+)?(?:ia|asistente|modelo de lenguaje)\b"#,
        #"\bignor\w*\b[^.\n]{0,40}\b(?:istruzioni)\s+(?:precedenti|sopra)\b"#,
        // Chinese, Japanese
        #"(?:忽略|无视|忽视|忘记)[^。\n]{0,15}(?:之前|以上|先前|所有|前面|上述)[^。\n]{0,10}(?:指令|指示|说明|规则|提示)"#,
        #"你(?:现在)?是(?:一个)?(?:AI|人工智能|助手|语言模型|机器人)"#,
        #"(?:系统提示词?|提示词注入|自动批准|跳过(?:人工)?审核)"#,
        #"(?:以前|前|上記|これまで)の(?:指示|命令|ルール|プロンプト)を(?:無視|忘れ)"#,
        #"あなたは(?:今から)?(?:AI|アシスタント|言語モデル)"#,
    ])

    /// Changed bank details announced.
    static let bankPatterns = compile([
        #"\b(?:new|changed|updated|different|revised)\s+(?:bank(?:ing)?\s+(?:details|account|information|info|data|connection)|account\s+details|iban|remittance\s+(?:details|information|account))\b"#,
        #"\b(?:bank(?:ing)?\s+(?:details|account|information)|iban|account details)\s+(?:has|have)\s+(?:been\s+)?(?:changed|updated|modified)\b"#,
        #"\b(?:we|our company)\s+(?:have\s+)?(?:changed|switched|moved)\s+(?:our\s+)?bank(?:s|ing)?\b"#,
        #"\b(?:pay|remit|transfer|send (?:the )?payment)\s+(?:\w+\s+){0,3}(?:to|into)\s+(?:our|the|this)\s+new\s+(?:bank\s+)?(?:account|iban)\b"#,
        #"\b(?:neue|geänderte|aktualisierte|neuen|geänderten)\s+(?:bankverbindung|kontoverbindung|iban|kontodaten|bankdaten|kontonummer)\b"#,
        #"\b(?:bankverbindung|kontoverbindung|iban|kontodaten|bankdaten)\s+(?:hat sich|haben sich|wurde|wurden)\s+(?:\w+\s+)?geändert\b"#,
        #"\b(?:nouvelles?|changement de|modification de)\s+(?:nos\s+)?(?:coordonnées bancaires|rib|iban|compte bancaire)\b"#,
        #"\b(?:nuevos?|nueva|cambio de|cambiado)\s+(?:nuestros?\s+)?(?:datos bancarios|cuenta bancaria|iban)\b"#,
        #"\b(?:nuove|nuovo|cambio(?: delle)?|variazione(?: delle)?)\s+(?:coordinate bancarie|iban|conto corrente)\b"#,
        #"(?:银行账户|银行账号|收款账户|收款账号|账户信息|开户行)(?:已|已经)?(?:变更|更改|变动|更换)|(?:新的?|变更后的?)(?:银行账户|收款账户|收款账号|银行账号)"#,
        #"(?:振込先|口座)(?:が|を)?(?:変更)"#,
    ])

    /// Template and expression syntax (recorded only: Mailroom never evaluates mail text).
    static let templatePatterns = compile([#"\{\{|\{%|\$\{[^}\n]{0,40}\}|<%="#])
}

private extension Optional where Wrapped == String {
    var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
