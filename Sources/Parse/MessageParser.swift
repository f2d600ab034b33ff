import Crypto
import Foundation
import Vocabulary
import LibEtpan

/// Turns the raw bytes of a mail into a `ParsedMessage`: decoded headers, addresses, thread ids,
/// the readable text, and every attachment with its decoded bytes.
///
/// libetpan (`mailmime_parse`, wrapped in LibEtpanMIME.swift) splits the MIME tree; everything else —
/// header fields, RFC 2047/2231 decoding, charsets, transfer encodings, choosing the body, sniffing
/// attachment types, attached messages, TNEF — is done here in Swift.
public enum MessageParser {
    /// Never throws, never crashes on any input; oddities become `warnings`. Reads within the standard
    /// `MessageBudget`; what went over it is in `normalised.overBudget`.
    public static func parse(_ raw: Data) -> ParsedMessage {
        parse(raw, meter: MessageBudgetMeter())
    }

    /// Reads within `meter`'s budget: a mail over a limit is read up to it (the rest is left out, never
    /// an error), and `normalised.overBudget` says what was left out.
    public static func parse(_ raw: Data, meter: MessageBudgetMeter) -> ParsedMessage {
        var raw = raw
        let limit = meter.budget.rawBytes
        if raw.count > limit {
            meter.over("raw", "over budget: the mail is \(MessageBudget.bytes(raw.count)), limit \(MessageBudget.bytes(limit))"
                + " — only the first \(MessageBudget.bytes(limit)) were read")
            raw = Data(raw.prefix(limit))
        }
        let reader = MessageReader(depth: 0, partStem: "", origin: nil, meter: meter)
        // Offsets below count from 0; a slice of a larger Data is rebased first.
        var parsed = reader.read(raw.startIndex == 0 ? raw : Data(raw))
        parsed.normalised.overBudget = meter.reasons
        return parsed
    }
    /// Multiparts nested deeper than this (within one message) are not opened.
    package static let maximumMultipartDepth = 40
    /// At most this many warnings are kept per message.
    package static let maximumWarnings = 200
}

/// The MIME headers of one entity, read for what Parse needs.
package struct EntityHeaders {
    package var block: HeaderBlock
    /// Lower-cased "type/subtype"; the default when the header is missing or unreadable.
    package var contentType: String
    /// Whether the entity had a Content-Type header that could be read.
    package var declaredType: Bool
    package var typeValue: MIMEHeaderValue?
    package var disposition: String?
    package var dispositionValue: MIMEHeaderValue?
    package var transferEncoding: TransferEncoding
    package var charsetLabel: String?
    package var contentID: String?
    package var filename: String?
    package var problems: [String] = []

    package var isMultipart: Bool { contentType.hasPrefix("multipart/") }
    package var isAttachedMessage: Bool { contentType == "message/rfc822" || contentType == "message/global" }
    package var boundary: String? { typeValue?.rawParameters["boundary"] }

    package init(_ block: HeaderBlock, defaultType: String, fallback: MailCharset?) {
        self.block = block
        contentType = defaultType
        declaredType = false
        transferEncoding = .identity
        if let ct = block.first("content-type") {
            let v = MIMEHeaderValue.parse(ct.value, fallback: fallback)
            typeValue = v
            problems += v.problems.map { "Content-Type: \($0)" }
            let parts = v.value.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                contentType = v.value
                declaredType = true
            } else if v.value == "text" {
                contentType = "text/plain"
                declaredType = true
            } else if !v.value.isEmpty {
                problems.append("Content-Type \"\(v.value)\" is not a type/subtype; \(defaultType) was assumed")
            }
            if let cs = v.rawParameters["charset"], !cs.isEmpty { charsetLabel = cs }
        }
        if let cd = block.first("content-disposition") {
            let v = MIMEHeaderValue.parse(cd.value, fallback: fallback ?? charsetLabel.map { MailCharset(label: $0) })
            dispositionValue = v
            if !v.value.isEmpty { disposition = v.value }
            problems += v.problems.map { "Content-Disposition: \($0)" }
        }
        if let te = block.first("content-transfer-encoding") {
            transferEncoding = TransferEncoding(headerValue: te.valueString)
        }
        if let cid = block.first("content-id") {
            let ids = MessageIDs.all(in: cid.value)
            contentID = ids.first
        }
        let name = dispositionValue?.parameters["filename"] ?? typeValue?.parameters["name"]
            ?? dispositionValue?.parameters["name"] ?? typeValue?.parameters["filename"]
        if let name {
            let trimmed = name.trimmingMailWhitespace
            filename = trimmed.isEmpty ? nil : trimmed
        }
    }
}

/// A piece of body text waiting to be turned into the readable text (HTML is converted only when chosen).
package struct BodyPiece {
    package enum Kind { case plain, html }
    package var kind: Kind
    package var bytes: Data
    package var charsetLabel: String?
    package var part: String
}

/// Reads one message (the top-level one, or one attached as message/rfc822).
package final class MessageReader {
    package let depth: Int
    /// Part number of the message/rfc822 entity this message sits in ("" at the top).
    package let partStem: String
    /// `rfc822` for a message attached to another, nil at the top.
    package let origin: String?
    /// The budget of the whole mail, shared with the readers of attached messages.
    package let meter: MessageBudgetMeter

    private var message = NormalisedMessage()
    private var attachmentData: [Data] = []
    private var pieces: [BodyPiece] = []
    private var warnings: [String] = []
    private var droppedWarnings = 0
    private var headerFallback: MailCharset?
    private var warned: Set<String> = []
    /// A winmail.dat whose body serves when the mail has no other text.
    private var tnefBodySource: Data?
    /// Named inline text parts: the text when the mail has no other.
    private var fallbackPieces: [BodyPiece] = []
    /// HTML versions of the text not chosen as the body (multipart/alternative with a plain part): their
    /// tables are kept (`NormalisedMessage.htmlTables`).
    private var otherHTMLPieces: [BodyPiece] = []

    package init(depth: Int, partStem: String, origin: String?, meter: MessageBudgetMeter = MessageBudgetMeter()) {
        self.depth = depth
        self.partStem = partStem
        self.origin = origin
        self.meter = meter
    }

    private func warn(_ s: String) {
        guard warned.insert(s).inserted else { return }  // the same oddity is reported once
        if warnings.count < MessageParser.maximumWarnings { warnings.append(s) } else { droppedWarnings += 1 }
    }

    private func childNumber(_ parent: String, _ index: Int) -> String {
        parent.isEmpty ? "\(index)" : "\(parent).\(index)"
    }

    package func read(_ bytes: Data) -> ParsedMessage {
        if bytes.isEmpty {
            warn("the message is empty (0 bytes)")
            return finish()
        }
        var block = bytes.withUnsafeBytes { HeaderBlock.split($0) }
        limitHeaders(&block)
        if block.fields.isEmpty {
            if block.bodyStart > 0 { warn("the header block is empty") }
        }
        for p in block.problems { warn("header block: \(p)") }

        // A charset for raw 8-bit header bytes that are not UTF-8: the one the message declares for its text.
        if let ct = block.first("content-type") {
            let v = MIMEHeaderValue.parse(ct.value)
            if let cs = v.rawParameters["charset"], !cs.isEmpty { headerFallback = MailCharset(label: cs) }
        }
        readHeaders(block)

        let top = EntityHeaders(block, defaultType: "text/plain", fallback: headerFallback)
        for p in top.problems { warn("message headers: \(p)") }
        let bodyRange = min(block.bodyStart, bytes.count)..<bytes.count
        if block.fields.isEmpty, !bodyRange.isEmpty,
           let sniffed = bytes.withUnsafeBytes({ ContentSniffing.magicType(UnsafeRawBufferPointer(rebasing: $0[bodyRange])) }) {
            // Header-less data that is recognisably a document (a PDF, a ZIP, XML): an attachment, not text.
            warn("the data has no header block and looks like \(sniffed); it was listed as an attachment")
            var asFile = top
            asFile.contentType = sniffed
            asFile.declaredType = true
            let part = partStem.isEmpty ? "1" : "\(partStem).1"
            leaf(asFile, buffer: bytes, body: bodyRange, part: part, isTop: false, label: "the data")
            assembleText()
            return finish()
        }
        if block.fields.isEmpty && block.bodyStart == 0 {
            warn("the data has no header block; all of it was read as the body")
        }
        guard meter.takePart() else { return finish() }
        let topNumber = partStem.isEmpty ? (top.isMultipart ? "" : "1") : (top.isMultipart ? partStem : "\(partStem).1")
        visit(top, buffer: bytes, body: bodyRange, node: nil, part: topNumber, isTop: true, multipartDepth: 0)
        assembleText()
        return finish()
    }

    private func finish() -> ParsedMessage {
        if droppedWarnings > 0 { warnings.append("… and \(droppedWarnings) more warnings") }
        message.warnings = warnings
        return ParsedMessage(normalised: message, attachmentData: attachmentData)
    }

    // MARK: headers

    /// Keeps the header fields within the budget's count and bytes (the field that crosses the byte limit
    /// is cut there); the rest are not read.
    private func limitHeaders(_ block: inout HeaderBlock) {
        let budget = meter.budget
        let total = block.fields.count
        var bytes = 0
        var kept = 0
        var byBytes = false
        var cut = false
        for (i, f) in block.fields.enumerated() {
            if kept >= budget.headerCount { break }
            let size = f.name.utf8.count + f.value.count + 3
            if bytes + size > budget.headerBytes {
                byBytes = true
                let room = budget.headerBytes - bytes - f.name.utf8.count - 3
                if room > 0 {
                    block.fields[i].value.removeSubrange(room...)
                    kept += 1
                    cut = true
                    warn("the header field \(f.name) was cut at \(room) bytes (message budget)")
                }
                break
            }
            bytes += size
            kept += 1
        }
        guard kept < total || cut else { return }
        if byBytes {
            meter.over("header-bytes", "over budget: a header block of more than \(MessageBudget.bytes(budget.headerBytes)), limit "
                + "\(MessageBudget.bytes(budget.headerBytes)) — the first \(MessageBudget.figure(kept)) header fields were read"
                + (cut ? ", the last of them cut" : ""))
        } else {
            meter.over("header-count", "over budget: \(MessageBudget.figure(total)) header fields, limit "
                + "\(MessageBudget.figure(budget.headerCount)) — the first \(MessageBudget.figure(kept)) were read")
        }
        if kept < total {
            warn("only the first \(kept) of \(total) header fields were read (message budget)")
            block.fields.removeSubrange(kept...)
        }
    }

    private func readHeaders(_ block: HeaderBlock) {
        var headers: [HeaderField] = []
        headers.reserveCapacity(block.fields.count)
        for f in block.fields {
            let d = EncodedWords.decode(f.value, fallback: headerFallback)
            headers.append(HeaderField(name: f.name, value: withoutNUL(d.text)))
            switch f.key {
            case "subject", "from", "to", "cc", "bcc", "reply-to", "sender":
                for p in d.problems { warn("\(f.name) header: \(p)") }
            default:
                break
            }
        }
        message.headers = headers

        if let index = block.fields.firstIndex(where: { $0.key == "subject" }) {
            message.subject = headers[index].value
        }
        message.from = addresses(block, "from")
        message.sender = addresses(block, "sender")
        message.to = addresses(block, "to")
        message.cc = addresses(block, "cc")
        message.bcc = addresses(block, "bcc")
        message.replyTo = addresses(block, "reply-to")
        if block.first("from") == nil && !block.fields.isEmpty { warn("the message has no From header") }

        if let d = block.first("date") {
            let text = EncodedWords.decode(d.value).text
            let parsed = MailDate.parse(text)
            message.date = parsed.date
            for p in parsed.problems { warn("Date header: \(p)") }
        } else if !block.fields.isEmpty {
            warn("the message has no Date header")
        }
        if let id = block.first("message-id") { message.messageID = MessageIDs.first(in: id.value) }
        if let r = block.first("in-reply-to") { message.inReplyTo = MessageIDs.first(in: r.value) }
        message.references = block.all("references").flatMap { MessageIDs.all(in: $0.value) }
    }

    private func addresses(_ block: HeaderBlock, _ key: String) -> [MailAddress] {
        var all: [MailAddress] = []
        for f in block.all(key) {
            let parsed = AddressList.parse(f.value, fallback: headerFallback)
            all += parsed.addresses
            for p in parsed.problems { warn("\(f.name) header: \(p)") }
        }
        return all
    }

    // MARK: the MIME tree

    /// A libetpan split of one multipart body, and which node is the multipart.
    package struct Tree {
        package var buffer: Data
        package var nodes: [MIMEStructureNode]
    }

    private func visit(_ entity: EntityHeaders, buffer: Data, body: Range<Int>, node: (Tree, Int)?,
                       part: String, isTop: Bool, multipartDepth: Int, inAlternative: Bool = false) {
        let label = part.isEmpty ? "the message body" : "part \(part)"
        if entity.isMultipart {
            guard multipartDepth < MessageParser.maximumMultipartDepth else {
                warn("\(label): multiparts nested deeper than \(MessageParser.maximumMultipartDepth) levels were not opened")
                return
            }
            if let (tree, children) = children(of: entity, buffer: buffer, body: body, node: node, label: label) {
                visitChildren(entity, tree: tree, children: children, part: part, multipartDepth: multipartDepth)
                return
            }
            // Not split: read the body as one text part.
            var asText = entity
            asText.contentType = "text/plain"
            leaf(asText, buffer: buffer, body: body, part: part.isEmpty ? "1" : part, isTop: true, label: label)
            return
        }
        leaf(entity, buffer: buffer, body: body, part: part, isTop: isTop, label: label, inAlternative: inAlternative)
    }

    /// The child entities of a multipart, from the libetpan tree it came with or from a new split.
    private func children(of entity: EntityHeaders, buffer: Data, body: Range<Int>, node: (Tree, Int)?,
                          label: String) -> (Tree, [ChildSpan])? {
        if let (tree, index) = node, tree.nodes[index].kind == .multipart, let boundary = entity.boundary {
            let valid = delimitedChildren(tree.nodes[index].children, nodes: tree.nodes, buffer: tree.buffer,
                                          body: body, boundary: boundary)
            // A first part that starts with a blank line was mis-split by libetpan (see below): split again.
            let foldedEmptyPart = tree.buffer.withUnsafeBytes { b in
                valid.contains { DelimiterSplit.startsWithDelimiter(b, at: $0.start, end: $0.bodyEnd, boundary: boundary) }
            }
            if let first = valid.first, !first.headerless, !foldedEmptyPart {
                checkClosingBoundary(entity, buffer: buffer, body: body, label: label)
                return (tree, valid)
            }
        }
        guard let boundary = entity.boundary, !boundary.isEmpty else {
            warn("\(label): \(entity.contentType) has no boundary parameter; the body was read as one text part")
            return nil
        }
        guard boundary.utf8.count <= 200,
              boundary.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0x7F }) else {
            warn("\(label): the boundary of \(entity.contentType) has characters no boundary may have; the body was read as one text part")
            return nil
        }
        // A clean header for libetpan, so that nothing odd in the original header block disturbs the split,
        // and a first part of Mailroom's own. libetpan 1.9.4 skips blank lines after the first delimiter,
        // so a real first part without headers would lose its blank line and have body lines read as
        // headers; and when the boundary never occurs it invents a part from the last line starting with
        // "--". With a first part that has a header line, neither happens to the real parts.
        let header = Array(("Content-Type: \(entity.contentType); boundary=\"\(boundary)\"\r\n\r\n"
            + "--\(boundary)\r\nX-Mailroom: split\r\n\r\n").utf8)
        var synthetic = Data(capacity: header.count + body.count)
        synthetic.append(contentsOf: header)
        buffer.withUnsafeBytes { b in
            if body.count > 0 { synthetic.append(b.baseAddress!.assumingMemoryBound(to: UInt8.self) + body.lowerBound, count: body.count) }
        }
        // Attached messages are read by a reader of their own (`attachedMessage`): libetpan need not parse them.
        let guarded = synthetic.withUnsafeBytes { LibEtpanInputGuard.prepare($0, hideAttachedMessages: true) }
        if guarded.hiddenContainers > 0 {
            warn("\(label): the message declares more than \(LibEtpanInputGuard.maximumContainers) multipart or message parts; \(guarded.hiddenContainers) of them were read as single parts")
        }
        if guarded.flattenedComments > 0 {
            warn("\(label): header comments nested deeper than \(LibEtpanInputGuard.maximumCommentDepth) levels were ignored")
        }
        let nodes: [MIMEStructureNode]?
        if let patched = guarded.patched {
            nodes = patched.withUnsafeBytes { LibEtpanMIME.structure(of: $0) }
        } else {
            nodes = synthetic.withUnsafeBytes { LibEtpanMIME.structure(of: $0) }
        }
        guard let nodes, let first = nodes.first else {
            warn("\(label): the MIME structure could not be read; the body was read as one text part")
            return nil
        }
        let newBody = first.bodyStart..<first.bodyEnd
        let valid = first.kind == .multipart
            ? delimitedChildren(Array(first.children.dropFirst()), nodes: nodes, buffer: synthetic, body: newBody,
                                boundary: boundary)
            : []
        // libetpan folds an empty part into the next one (which then starts with a delimiter line), or gives
        // up on the whole multipart; both are left to the split at delimiter lines.
        let foldedEmptyPart = synthetic.withUnsafeBytes { b in
            valid.contains { DelimiterSplit.startsWithDelimiter(b, at: $0.start, end: $0.bodyEnd, boundary: boundary) }
        }
        guard !valid.isEmpty && !foldedEmptyPart else {
            if let parts = buffer.withUnsafeBytes({ DelimiterSplit.parts(of: $0, body: body, boundary: boundary) }) {
                warn("\(label): the multipart could not be split the usual way (it has an empty part); it was split at its boundary lines")
                return (delimiterTree(buffer: buffer, body: body, parts: parts))
            }
            warn("\(label): boundary \"\(boundary)\" never found; the body was read as one text part")
            return nil
        }
        checkClosingBoundary(entity, buffer: synthetic, body: newBody, label: label)
        return (Tree(buffer: synthetic, nodes: nodes), valid)
    }

    /// A tree for parts found by `DelimiterSplit`, in the original buffer.
    private func delimiterTree(buffer: Data, body: Range<Int>, parts: [DelimiterSplit.Part]) -> (Tree, [ChildSpan]) {
        var nodes = [MIMEStructureNode(kind: .multipart, start: body.lowerBound, bodyStart: body.lowerBound,
                                       bodyEnd: body.upperBound)]
        var spans: [ChildSpan] = []
        buffer.withUnsafeBytes { b in
            for p in parts {
                let block = HeaderBlock.split(UnsafeRawBufferPointer(rebasing: b[p.start..<p.end]), allowMboxFromLine: false)
                let bodyStart = min(p.end, p.start + block.bodyStart)
                nodes.append(MIMEStructureNode(kind: .single, start: p.start, bodyStart: bodyStart, bodyEnd: p.end))
                spans.append(ChildSpan(node: nodes.count - 1, start: p.start, bodyStart: bodyStart, bodyEnd: p.end,
                                       headerless: false))
            }
        }
        nodes[0].children = Array(1..<nodes.count)
        return (Tree(buffer: buffer, nodes: nodes), spans)
    }

    /// Where one child entity of a multipart sits in the tree's buffer.
    package struct ChildSpan {
        package var node: Int
        package var start: Int
        package var bodyStart: Int
        package var bodyEnd: Int
        /// The part starts with a blank line: it has no header block.
        package var headerless: Bool
    }

    /// The children that really follow a delimiter line "--boundary", with their true extent.
    /// libetpan 1.9.4 gets two things wrong that are corrected here: when the boundary never occurs it
    /// still reports a part made of whatever follows the last line starting with "--" (such parts, and
    /// any after them, are dropped); and it skips blank lines after a delimiter, so a part without
    /// headers would have its first body line read as a header (such parts are marked headerless).
    private func delimitedChildren(_ children: [Int], nodes: [MIMEStructureNode], buffer: Data,
                                   body: Range<Int>, boundary: String) -> [ChildSpan] {
        let delimiter = Array("--\(boundary)".utf8)
        return buffer.withUnsafeBytes { b -> [ChildSpan] in
            var valid: [ChildSpan] = []
            for index in children {
                let node = nodes[index]
                let s = node.start
                guard s > body.lowerBound, s <= b.count, b[s - 1] == 0x0A else { break }
                var i = s
                while i > body.lowerBound, HeaderBlock.isSpace(b[i - 1]) { i -= 1 }
                var j = i
                while j > body.lowerBound, b[j - 1] != 0x0A { j -= 1 }
                guard i - j >= delimiter.count,
                      memcmp(b.baseAddress! + j, delimiter, delimiter.count) == 0 else { break }
                var afterDelimiter = i
                while afterDelimiter < s, b[afterDelimiter] != 0x0A { afterDelimiter += 1 }
                afterDelimiter += 1
                let end = max(node.bodyStart, node.bodyEnd)
                if afterDelimiter >= s {
                    valid.append(ChildSpan(node: index, start: s, bodyStart: node.bodyStart, bodyEnd: end, headerless: false))
                } else {
                    var bodyStart = afterDelimiter
                    while bodyStart < s, b[bodyStart] != 0x0A { bodyStart += 1 }
                    bodyStart = min(bodyStart + 1, end)
                    valid.append(ChildSpan(node: index, start: afterDelimiter, bodyStart: bodyStart, bodyEnd: end, headerless: true))
                }
            }
            return valid
        }
    }

    private func checkClosingBoundary(_ entity: EntityHeaders, buffer: Data, body: Range<Int>, label: String) {
        guard let boundary = entity.boundary, !boundary.isEmpty else { return }
        let close = Array("--\(boundary)--".utf8)
        let found = buffer.withUnsafeBytes { b -> Bool in
            guard body.count >= close.count, let base = b.baseAddress else { return false }
            return close.withUnsafeBytes { c in
                ByteSearch.firstIndex(of: c, in: UnsafeRawBufferPointer(start: base + body.lowerBound, count: body.count)) != nil
            }
        }
        if !found {
            warn("\(label): the closing boundary \"--\(boundary)--\" is missing; the mail may be truncated")
        }
    }

    private func visitChildren(_ entity: EntityHeaders, tree: Tree, children: [ChildSpan], part: String, multipartDepth: Int) {
        let defaultType = entity.contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
        var entities: [(EntityHeaders, Range<Int>, Int?, String)] = []
        for (k, span) in children.enumerated() {
            guard !pastDeadline(), meter.takePart() else { break }
            let block: HeaderBlock
            if span.headerless {
                block = HeaderBlock()
            } else {
                let headerRange = span.start..<max(span.start, min(span.bodyStart, tree.buffer.count))
                block = tree.buffer.withUnsafeBytes { b in
                    HeaderBlock.split(UnsafeRawBufferPointer(rebasing: b[headerRange]), allowMboxFromLine: false)
                }
            }
            let number = childNumber(part, k + 1)
            let child = EntityHeaders(block, defaultType: defaultType, fallback: headerFallback)
            for p in child.problems { warn("part \(number): \(p)") }
            for p in block.problems { warn("part \(number): \(p)") }
            // libetpan's view of a headerless part is wrong (it read body lines as headers): do not use it.
            entities.append((child, span.bodyStart..<span.bodyEnd, span.headerless ? nil : span.node, number))
        }

        if entity.contentType == "multipart/alternative" {
            visitAlternative(entities, tree: tree, multipartDepth: multipartDepth)
            return
        }
        for (child, body, index, number) in entities {
            visit(child, buffer: tree.buffer, body: body, node: index.map { (tree, $0) }, part: number, isTop: false,
                  multipartDepth: multipartDepth + 1)
        }
    }

    /// multipart/alternative: one version of the text is the body (plain preferred, then HTML, then a
    /// nested multipart that holds text); the other text versions are dropped; anything that is not
    /// text (calendar invitations, images in a related part) is an attachment.
    private func visitAlternative(_ entities: [(EntityHeaders, Range<Int>, Int?, String)], tree: Tree, multipartDepth: Int) {
        var options: [(kind: Int, pieces: [BodyPiece])] = []  // kind: 0 plain, 1 html, 2 nested
        let saved = pieces
        for (child, body, index, number) in entities {
            let isBodyText = (child.contentType == "text/plain" || child.contentType == "text/html")
                && child.disposition != "attachment"
            pieces = []
            if isBodyText || child.isMultipart {
                visit(child, buffer: tree.buffer, body: body, node: index.map { (tree, $0) }, part: number, isTop: false,
                      multipartDepth: multipartDepth + 1, inAlternative: true)
                let kind = child.isMultipart ? 2 : (child.contentType == "text/plain" ? 0 : 1)
                options.append((kind, pieces))
            } else {
                visit(child, buffer: tree.buffer, body: body, node: index.map { (tree, $0) }, part: number, isTop: false,
                      multipartDepth: multipartDepth + 1)
                // Text found in a non-text alternative (none expected) is kept as an option too.
                if !pieces.isEmpty { options.append((2, pieces)) }
            }
        }
        pieces = saved
        func hasText(_ ps: [BodyPiece]) -> Bool {
            ps.contains { p in p.bytes.withUnsafeBytes { b in b.contains { !HeaderBlock.isSpace($0) } } }
        }
        let nonEmpty = options.filter { hasText($0.pieces) }
        let candidates = nonEmpty.isEmpty ? options : nonEmpty
        // Plain first; then a nested multipart whose text is plain; then HTML; then anything.
        let chosen = candidates.first { $0.kind == 0 }
            ?? candidates.first { $0.kind == 2 && $0.pieces.contains { $0.kind == .plain } }
            ?? candidates.first { $0.kind == 1 }
            ?? candidates.first
        if let chosen {
            pieces += chosen.pieces
            if !chosen.pieces.contains(where: { $0.kind == .html }) {
                for option in candidates where option.kind != chosen.kind {
                    otherHTMLPieces += option.pieces.filter { $0.kind == .html }
                }
            }
        }
    }

    /// A non-multipart entity: body text, an attached message, or an attachment.
    private func leaf(_ entity: EntityHeaders, buffer: Data, body: Range<Int>, part: String, isTop: Bool,
                      label: String, inAlternative: Bool = false) {
        let isText = entity.contentType == "text/plain" || entity.contentType == "text/html"
        let isAttachmentDisposition = entity.disposition == "attachment"
        let namedText = entity.filename != nil && !isTop && !inAlternative
        let isBodyText = isText && !isAttachmentDisposition && !namedText
        // Over the attachment budget: counted, not decoded.
        if !isBodyText, meter.attachments >= meter.budget.attachments {
            _ = meter.takeAttachment()
            return
        }
        // Decoding never gives more bytes than it reads: the encoded size is charged.
        let allowed = meter.takeDecoded(body.count)
        if allowed == 0 && !body.isEmpty {
            warn("\(label) was not decoded: the message budget for decoded bytes is spent")
            return
        }
        let taken = body.lowerBound..<(body.lowerBound + allowed)
        if allowed < body.count { warn("\(label) was cut after \(allowed) bytes (message budget)") }
        let decoded = buffer.withUnsafeBytes { b in
            TransferDecoding.decodeToData(UnsafeRawBufferPointer(rebasing: b[taken]), encoding: entity.transferEncoding)
        }
        if let p = decoded.problem { warn("\(label): \(p)") }

        if isBodyText {
            var text = decoded.data
            if entity.contentType == "text/plain" { text = extractUUEncodedFiles(text, part: part, label: label) }
            pieces.append(BodyPiece(kind: entity.contentType == "text/html" ? .html : .plain, bytes: text,
                                    charsetLabel: entity.charsetLabel, part: part))
            // The body text itself carries a file name: it is also listed, so that every named part is.
            if entity.filename != nil { addAttachment(entity, bytes: decoded.data, part: part, label: label) }
            return
        }
        if isText && !isAttachmentDisposition {
            // A named text part shown inline: an attachment, and the text if the mail has no other.
            fallbackPieces.append(BodyPiece(kind: entity.contentType == "text/html" ? .html : .plain, bytes: decoded.data,
                                            charsetLabel: entity.charsetLabel, part: part))
        }
        if entity.isAttachedMessage {
            attachedMessage(entity, bytes: decoded.data, part: part, label: label)
            return
        }
        addAttachment(entity, bytes: decoded.data, part: part, label: label)
    }

    /// Files uuencoded into plain text become attachments (origin "uuencode", numbered under the text
    /// part); the text keeps what is around them.
    private func extractUUEncodedFiles(_ text: Data, part: String, label: String) -> Data {
        let blocks = text.withUnsafeBytes { UUEncodedBlocks.find(in: $0) }
        guard !blocks.isEmpty else { return text }
        var remaining = Data()
        var last = 0
        for (k, block) in blocks.enumerated() {
            remaining.append(text[last..<block.range.lowerBound])
            last = block.range.upperBound
            var type = "application/octet-stream"
            if let v = block.data.withUnsafeBytes({ ContentSniffing.sniff($0, filename: block.filename) }) { type = v.contentType }
            recordAttachment(filename: block.filename, contentType: type, bytes: block.data, disposition: "attachment",
                             part: "\(part).\(k + 1)", contentID: nil, origin: "uuencode")
        }
        remaining.append(text[last...])
        warn("\(label): \(blocks.count == 1 ? "a uuencoded file" : "\(blocks.count) uuencoded files") in the text \(blocks.count == 1 ? "was" : "were") listed as \(blocks.count == 1 ? "an attachment" : "attachments")")
        return remaining
    }

    private func attachedMessage(_ entity: EntityHeaders, bytes: Data, part: String, label: String) {
        guard recordAttachment(filename: entity.filename, contentType: entity.contentType, bytes: bytes,
                               disposition: entity.disposition, part: part, contentID: entity.contentID, origin: origin) else { return }
        let maximumDepth = meter.budget.nestingDepth
        guard depth + 1 <= maximumDepth else {
            warn("\(label): attached messages nested deeper than \(maximumDepth) levels were listed but not opened")
            meter.over("depth", "over budget: attached messages nested more than \(maximumDepth) levels deep, limit "
                + "\(maximumDepth) — the deeper ones were listed, not opened")
            return
        }
        let inner = MessageReader(depth: depth + 1, partStem: part, origin: "rfc822", meter: meter).read(bytes)
        let innerMessage = inner.normalised
        message.attachments += innerMessage.attachments
        attachmentData += inner.attachmentData
        for w in innerMessage.warnings { warn("attached message in \(label): \(w)") }
        message.attachedMessages.append(innerMessage)
    }

    private func addAttachment(_ entity: EntityHeaders, bytes: Data, part: String, label: String) {
        var contentType = entity.contentType
        if !entity.declaredType || ContentSniffing.isGeneric(contentType) {
            let verdict = bytes.withUnsafeBytes { ContentSniffing.sniff($0, filename: entity.filename) }
            if let verdict, verdict.contentType != contentType {
                let declared = entity.declaredType ? "declared \(contentType)" : "had no Content-Type"
                let named = entity.filename.map { " (\"\($0)\")" } ?? ""
                warn("\(label)\(named) \(declared); recognised as \(verdict.contentType) by its \(verdict.evidence)")
                contentType = verdict.contentType
            } else if !entity.declaredType {
                contentType = "application/octet-stream"
            }
        }
        // A part referenced by Content-ID (an image in an HTML body) is shown inline even without a disposition.
        let disposition = entity.disposition ?? (entity.contentID != nil ? "inline" : nil)
        recordAttachment(filename: entity.filename, contentType: contentType, bytes: bytes,
                         disposition: disposition, part: part, contentID: entity.contentID, origin: origin)

        let isTNEF = contentType == "application/ms-tnef" || contentType == "application/vnd.ms-tnef"
            || entity.filename?.asciiLowercased == "winmail.dat"
        if isTNEF { unpackTNEF(bytes, part: part, label: label) }
    }

    private func unpackTNEF(_ data: Data, part: String, label: String) {
        do {
            let files = try TNEF.attachments(in: data)
            for (k, file) in files.enumerated() {
                let fileBytes = file.data.startIndex == 0 ? file.data : Data(file.data)
                var type = file.contentType?.asciiLowercased ?? "application/octet-stream"
                if ContentSniffing.isGeneric(type),
                   let v = fileBytes.withUnsafeBytes({ ContentSniffing.sniff($0, filename: file.filename) }) {
                    type = v.contentType
                }
                recordAttachment(filename: file.filename, contentType: type, bytes: fileBytes, disposition: "attachment",
                                 part: "\(part).\(k + 1)", contentID: nil, origin: "tnef")
            }
        } catch {
            warn("\(label): the TNEF (winmail.dat) container could not be unpacked: \(error)")
        }
        if tnefBodySource == nil { tnefBodySource = data }
    }

    /// Lists an attachment with its bytes; false (and nothing listed) when the attachment budget is spent.
    @discardableResult
    private func recordAttachment(filename: String?, contentType: String, bytes: Data, disposition: String?,
                                  part: String, contentID: String?, origin: String?) -> Bool {
        guard meter.takeAttachment() else { return false }
        let digest = SHA256.hash(data: bytes)
        message.attachments.append(AttachmentInfo(filename: filename.map(withoutNUL), contentType: contentType,
                                                  size: bytes.count, sha256: hex(digest), disposition: disposition,
                                                  part: part, contentID: contentID, origin: origin))
        attachmentData.append(bytes)
        return true
    }

    /// True (and the overrun recorded) once the budget's time is spent.
    private func pastDeadline() -> Bool {
        guard meter.deadline.isPast else { return false }
        meter.over("time", "over budget: reading the mail took longer than \(MessageBudget.figure(Int(meter.budget.seconds))) s"
            + " — the parts after that were not read")
        return true
    }

    /// The HTML of a part within the budget's HTML bytes (cut with a warning).
    private func htmlWithinBudget(_ piece: BodyPiece) -> Data {
        let allowed = meter.takeHTML(piece.bytes.count)
        guard allowed < piece.bytes.count else { return piece.bytes }
        warn("the HTML of part \(piece.part) was cut at \(MessageBudget.bytes(allowed)) (message budget)")
        return Data(piece.bytes.prefix(allowed))
    }

    // MARK: text

    private func assembleText() {
        if pieces.isEmpty && !fallbackPieces.isEmpty {
            pieces = fallbackPieces
            warn("the mail has no body text apart from named inline text parts; their text was used")
        }
        var texts: [String] = []
        var sawPlain = false
        var sawHTML = false
        var sawNUL = false
        for piece in pieces {
            var text: String
            switch piece.kind {
            case .plain:
                let d = TextDecoding.decode(piece.bytes, charset: piece.charsetLabel.map { MailCharset(label: $0) })
                if let p = d.problem { warn(p.sentence(for: "the text of part \(piece.part)")) }
                text = d.text
                sawPlain = true
            case .html:
                text = HTMLText.plainText(fromHTML: htmlWithinBudget(piece), charset: piece.charsetLabel)
                sawHTML = true
            }
            text = normaliseNewlines(text, sawNUL: &sawNUL)
            texts.append(text)
        }
        if sawNUL { warn("the text contained NUL bytes; they were removed") }
        if texts.isEmpty, let tnef = tnefBodySource, let body = TNEF.bodyText(in: tnef) {
            var nul = false
            texts.append(normaliseNewlines(body, sawNUL: &nul))
            sawPlain = true
        }
        var joined = ""
        for t in texts where !t.isEmpty {  // an empty part adds no line break
            if !joined.isEmpty && !joined.hasSuffix("\n") { joined += "\n" }
            joined += t
        }
        message.text = joined
        message.textSource = sawPlain ? "plain" : (sawHTML ? "html" : "none")
        message.htmlTables = otherHTMLTables()
    }

    /// The table rows of the HTML versions not chosen as the body (each HTML part converted once, here, and
    /// only when it holds a table); runs of rows are separated by a blank line.
    private func otherHTMLTables() -> String {
        var out = ""
        for piece in otherHTMLPieces where MessageReader.containsTable(piece.bytes) {
            var sawNUL = false
            let html = htmlWithinBudget(piece)
            if html.isEmpty { continue }
            let text = normaliseNewlines(HTMLText.plainText(fromHTML: html, charset: piece.charsetLabel), sawNUL: &sawNUL)
            var inRun = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.contains(" | ") {
                    if !inRun && !out.isEmpty { out += "\n" }
                    out += line + "\n"
                    inRun = true
                } else {
                    inRun = false
                }
                if out.utf8.count > MessageReader.maximumHTMLTableBytes { return out }
            }
        }
        return out
    }

    /// Text kept from the tables of HTML versions not chosen as the body.
    package static let maximumHTMLTableBytes = 200_000

    /// True when the bytes hold "<table" in any case.
    package static func containsTable(_ data: Data) -> Bool {
        let needle = Array("<table".utf8)
        return data.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> Bool in
            guard b.count >= needle.count else { return false }
            var i = 0
            while i + needle.count <= b.count {
                if b[i] == 0x3C {
                    var k = 1
                    while k < needle.count, b[i + k] | 0x20 == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// CRLF and lone CR become LF; NUL bytes are dropped.
    private func normaliseNewlines(_ s: String, sawNUL: inout Bool) -> String {
        var needsWork = false
        for b in s.utf8 where b == 0x0D || b == 0x00 { needsWork = true; break }
        guard needsWork else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for b in s.utf8 {
            switch b {
            case 0x0D:
                out.append(0x0A)
                previousCR = true
                continue
            case 0x0A:
                if !previousCR { out.append(0x0A) }
            case 0x00:
                sawNUL = true
            default:
                out.append(b)
            }
            previousCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func withoutNUL(_ s: String) -> String {
        s.utf8.contains(0) ? String(decoding: s.utf8.filter { $0 != 0 }, as: UTF8.self) : s
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func hex(_ digest: SHA256.Digest) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(MessageReader.hexDigits[Int(byte >> 4)])
            out.append(MessageReader.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
