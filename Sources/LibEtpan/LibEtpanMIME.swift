internal import CEtpan
import Foundation

/// One entity of a MIME tree as libetpan's `mailmime_parse` splits it, in plain offsets into the
/// buffer that was parsed. This file is the only one that touches libetpan.
package struct MIMEStructureNode: Sendable {
    package enum Kind: Sendable { case single, multipart, message }
    package var kind: Kind
    /// Where the entity starts (its header block).
    package var start: Int
    /// Where its body starts and ends.
    package var bodyStart: Int
    package var bodyEnd: Int
    /// Indices of child entities in the node list (multipart only, in order).
    package var children: [Int] = []

    package init(kind: Kind, start: Int, bodyStart: Int, bodyEnd: Int, children: [Int] = []) {
        self.kind = kind
        self.start = start
        self.bodyStart = bodyStart
        self.bodyEnd = bodyEnd
        self.children = children
    }
}

package enum LibEtpanMIME {
    /// Splits a message (header block, blank line, body) into its MIME entities with libetpan.
    /// Node 0 is the message's own body entity. Parts of attached messages (message/rfc822) are not
    /// listed: Mailroom parses those bytes again as a message of their own.
    /// Returns nil when libetpan refuses the input.
    ///
    /// The caller must pass input prepared by `LibEtpanInputGuard` (libetpan 1.9.4 recurses without limit
    /// and mishandles a few pathological headers).
    package static func structure(of buffer: UnsafeRawBufferPointer) -> [MIMEStructureNode]? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        let message = base.assumingMemoryBound(to: CChar.self)
        var index = 0
        var root: UnsafeMutablePointer<mailmime>?
        let r = mailmime_parse(message, buffer.count, &index, &root)
        guard r == Int32(MAILIMF_NO_ERROR), let root else {
            if let root { mailmime_free(root) }
            return nil
        }
        defer { mailmime_free(root) }

        // mailmime_parse wraps the input in a message/rfc822 entity; its body entity is the message's.
        guard Int(root.pointee.mm_type) == MAILMIME_MESSAGE,
              let top = root.pointee.mm_data.mm_message.mm_msg_mime else { return nil }

        let count = buffer.count
        func offset(_ p: UnsafePointer<CChar>?) -> Int? {
            guard let p else { return nil }
            let o = p - UnsafePointer(message)
            return o >= 0 && o <= count ? o : nil
        }

        var nodes: [MIMEStructureNode] = []
        // Iterative walk (no recursion on deep trees): (libetpan node, index of the node to fill).
        var pending: [(UnsafeMutablePointer<mailmime>, Int)] = []
        nodes.append(MIMEStructureNode(kind: .single, start: 0, bodyStart: 0, bodyEnd: 0))
        pending.append((top, 0))
        while let (mime, slot) = pending.popLast() {
            let start = offset(mime.pointee.mm_mime_start) ?? 0
            var bodyStart = start
            var bodyEnd = min(count, start + max(0, mime.pointee.mm_length))
            if let body = mime.pointee.mm_body, Int(body.pointee.dt_type) == MAILMIME_DATA_TEXT,
               let s = offset(body.pointee.dt_data.dt_text.dt_data) {
                let len = body.pointee.dt_data.dt_text.dt_length
                bodyStart = s
                bodyEnd = len >= 0 && s + len <= count ? s + len : count
            }
            var kind: MIMEStructureNode.Kind
            switch Int(mime.pointee.mm_type) {
            case MAILMIME_MULTIPLE: kind = .multipart
            case MAILMIME_MESSAGE: kind = .message
            default: kind = .single
            }
            nodes[slot].kind = kind
            nodes[slot].start = start
            nodes[slot].bodyStart = bodyStart
            nodes[slot].bodyEnd = max(bodyStart, bodyEnd)
            guard kind == .multipart else { continue }
            var children: [Int] = []
            var it = mr_clist_begin(mime.pointee.mm_data.mm_multipart.mm_mp_list)
            var batch: [(UnsafeMutablePointer<mailmime>, Int)] = []
            while let cell = it {
                if let raw = mr_clist_content(cell) {
                    let child = raw.assumingMemoryBound(to: mailmime.self)
                    let childSlot = nodes.count
                    nodes.append(MIMEStructureNode(kind: .single, start: 0, bodyStart: 0, bodyEnd: 0))
                    children.append(childSlot)
                    batch.append((child, childSlot))
                }
                it = mr_clist_next(cell)
            }
            nodes[slot].children = children
            pending.append(contentsOf: batch.reversed())
        }
        return nodes
    }
}
