internal import CEtpan
import Foundation

/// One IMAP connection through libetpan: the only file that speaks libetpan's IMAP client.
///
/// libetpan's sessions block and are not thread-safe: an `IMAPSession` belongs to the one thread that
/// created it (see `IMAPConnectionThread`) and is never shared. Every call either succeeds or throws an
/// `IMAPProtocolError` that says what was being done and what the server answered.
///
/// TLS: libetpan (Debian's GnuTLS build) does not verify certificates. `connect` returns the server's DER
/// chain; the caller verifies it (`ServerCertificateCheck`) before sending any credential.
package final class IMAPSession {
    private let imap: UnsafeMutablePointer<mailimap>
    package let host: String
    package let port: UInt16
    private var hostCString: UnsafeMutablePointer<CChar>?

    package init(host: String, port: UInt16, timeoutSeconds: Int) {
        imap = mailimap_new(0, nil)
        self.host = host
        self.port = port
        mailimap_set_timeout(imap, time_t(timeoutSeconds))
    }

    deinit {
        if imap.pointee.imap_stream != nil {
            mailstream_close(imap.pointee.imap_stream)
            imap.pointee.imap_stream = nil
        }
        mailimap_free(imap)
        free(hostCString)
    }

    // MARK: - Connecting

    package enum Transport: Sendable { case implicitTLS, startTLS, plaintext }

    /// Connects and, for TLS, returns the peer's certificate chain (leaf first, DER); empty for plaintext.
    package func connect(_ transport: Transport) throws(IMAPProtocolError) -> [Data] {
        let sni = IMAPSession.isIPAddress(host) ? nil : strdup(host)
        hostCString = sni
        let setServerName: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { context, data in
            guard let context, let data else { return }
            mailstream_ssl_set_server_name(context, data.assumingMemoryBound(to: CChar.self))
        }
        var rc: Int32
        switch transport {
        case .implicitTLS:
            rc = mailimap_ssl_connect_with_callback(imap, host, port, setServerName, sni)
        case .startTLS, .plaintext:
            rc = mailimap_socket_connect(imap, host, port)
        }
        guard rc == Int32(MAILIMAP_NO_ERROR_NON_AUTHENTICATED) || rc == Int32(MAILIMAP_NO_ERROR) else {
            throw failure(rc, "connect to \(host):\(port)\(transport == .implicitTLS ? " with TLS" : "")")
        }
        if transport == .startTLS {
            _ = try? capabilities()
            guard hasCapability("STARTTLS") else {
                throw IMAPProtocolError(kind: .tls, operation: "start TLS with \(host):\(port)",
                                        detail: "the server does not offer STARTTLS on this port; use tls: implicit on its IMAPS port")
            }
            rc = mailimap_socket_starttls_with_callback(imap, setServerName, sni)
            guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "start TLS with \(host):\(port)") }
        }
        if transport == .plaintext { return [] }
        return certificateChain()
    }

    /// The DER certificates the server sent, leaf first.
    private func certificateChain() -> [Data] {
        guard let stream = imap.pointee.imap_stream, let chain = mailstream_get_certificate_chain(stream) else { return [] }
        defer { mailstream_certificate_chain_free(chain) }
        var out: [Data] = []
        for i in 0..<Int(chain.pointee.len) {
            guard let raw = chain.pointee.array[i] else { continue }
            let string = raw.assumingMemoryBound(to: MMAPString.self)
            out.append(Data(bytes: string.pointee.str, count: Int(string.pointee.len)))
        }
        return out
    }

    // MARK: - Capabilities and authentication

    /// Asks for CAPABILITY (libetpan refreshes its list only when asked, e.g. after login).
    @discardableResult
    package func capabilities() throws(IMAPProtocolError) -> Set<String> {
        var data: UnsafeMutablePointer<mailimap_capability_data>?
        let rc = mailimap_capability(imap, &data)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "ask for CAPABILITY") }
        var names = Set<String>()
        if let data {
            var it = mr_clist_begin(data.pointee.cap_list)
            while let node = it {
                if let cap = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_capability.self) {
                    if cap.pointee.cap_type == Int32(MAILIMAP_CAPABILITY_NAME), let name = cap.pointee.cap_data.cap_name {
                        names.insert(String(cString: name).uppercased())
                    } else if cap.pointee.cap_type == Int32(MAILIMAP_CAPABILITY_AUTH_TYPE), let auth = cap.pointee.cap_data.cap_auth_type {
                        names.insert("AUTH=" + String(cString: auth).uppercased())
                    }
                }
                it = mr_clist_next(node)
            }
            mailimap_capability_data_free(data)
        }
        return names
    }

    package func hasCapability(_ name: String) -> Bool {
        guard imap.pointee.imap_connection_info != nil, imap.pointee.imap_connection_info.pointee.imap_capability != nil else {
            return false
        }
        return name.withCString { mailimap_has_extension(imap, UnsafeMutablePointer(mutating: $0)) } != 0
    }

    package var offersIdle: Bool { mailimap_has_idle(imap) != 0 }
    package var offersCondstore: Bool { mailimap_has_condstore(imap) != 0 }
    package var offersMove: Bool { hasCapability("MOVE") }
    package var offersUIDPlus: Bool { mailimap_has_uidplus(imap) != 0 }

    package func login(user: String, password: String) throws(IMAPProtocolError) {
        let rc = mailimap_login(imap, user, password)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "log in as \(user)") }
    }

    package func authenticateXOAUTH2(user: String, accessToken: String) throws(IMAPProtocolError) {
        let rc = mailimap_oauth2_authenticate(imap, user, accessToken)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "authenticate as \(user) with XOAUTH2") }
    }

    package func logout() {
        _ = mailimap_logout(imap)
    }

    // MARK: - Mailboxes

    package struct Selection: Sendable, Equatable {
        package var uidValidity: UInt32
        package var uidNext: UInt32
        package var exists: UInt32
        package var highestModSeq: UInt64?
    }

    /// SELECT (or EXAMINE when `readOnly`), with CONDSTORE's HIGHESTMODSEQ where offered.
    package func select(_ mailbox: String, readOnly: Bool = false) throws(IMAPProtocolError) -> Selection {
        let name = ModifiedUTF7.encode(mailbox)
        var modseq: UInt64 = 0
        let rc: Int32
        let condstore = offersCondstore
        if condstore {
            rc = readOnly ? mailimap_examine_condstore(imap, name, &modseq) : mailimap_select_condstore(imap, name, &modseq)
        } else {
            rc = readOnly ? mailimap_examine(imap, name) : mailimap_select(imap, name)
        }
        guard rc == Int32(MAILIMAP_NO_ERROR), let info = imap.pointee.imap_selection_info else {
            throw failure(rc, "select the folder \"\(mailbox)\"")
        }
        return Selection(uidValidity: info.pointee.sel_uidvalidity, uidNext: info.pointee.sel_uidnext,
                         exists: info.pointee.sel_exists, highestModSeq: condstore && modseq > 0 ? modseq : nil)
    }

    package func noop() throws(IMAPProtocolError) {
        let rc = mailimap_noop(imap)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "send NOOP") }
    }

    // MARK: - Fetching

    package struct MessageSize: Sendable, Equatable { package var uid: UInt32; package var size: Int }

    /// UIDs and sizes of the messages whose UID is above `uid`, ascending.
    package func messages(after uid: UInt32) throws(IMAPProtocolError) -> [MessageSize] {
        guard let set = mailimap_set_new_interval(uid &+ 1, 0) else { throw memory("build a UID set") }
        defer { mailimap_set_free(set) }
        let fetchType = mailimap_fetch_type_new_fetch_att_list_empty()
        defer { mailimap_fetch_type_free(fetchType) }
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_uid())
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_rfc822_size())
        var result: UnsafeMutablePointer<clist>?
        let rc = mailimap_uid_fetch(imap, set, fetchType, &result)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "list messages after UID \(uid)") }
        defer { if let result { mailimap_fetch_list_free(result) } }
        var out: [MessageSize] = []
        forEachMessage(result) { items in
            var found = MessageSize(uid: 0, size: 0)
            for item in items {
                if item.pointee.att_type == Int32(MAILIMAP_MSG_ATT_UID) {
                    found.uid = item.pointee.att_data.att_uid
                } else if item.pointee.att_type == Int32(MAILIMAP_MSG_ATT_RFC822_SIZE) {
                    found.size = Int(item.pointee.att_data.att_rfc822_size)
                }
            }
            // "UID FETCH n:*" also returns the last message when its UID is below n.
            if found.uid > uid { out.append(found) }
        }
        out.sort { $0.uid < $1.uid }
        return out
    }

    /// `BODY.PEEK[]<offset.length>` of one message: the bytes, possibly fewer than asked at the end.
    /// Never sets \Seen.
    package func fetchPart(uid: UInt32, offset: Int, length: Int) throws(IMAPProtocolError) -> Data {
        guard let set = mailimap_set_new_single(uid) else { throw memory("build a UID set") }
        defer { mailimap_set_free(set) }
        let fetchType = mailimap_fetch_type_new_fetch_att_list_empty()
        defer { mailimap_fetch_type_free(fetchType) }
        let section = mailimap_section_new(nil)
        mailimap_fetch_type_new_fetch_att_list_add(
            fetchType, mailimap_fetch_att_new_body_peek_section_partial(section, UInt32(offset), UInt32(length)))
        var result: UnsafeMutablePointer<clist>?
        let rc = mailimap_uid_fetch(imap, set, fetchType, &result)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "fetch UID \(uid) at byte \(offset)") }
        defer { if let result { mailimap_fetch_list_free(result) } }
        var data: Data?
        forEachMessage(result) { items in
            for item in items where item.pointee.att_type == Int32(MAILIMAP_MSG_ATT_BODY_SECTION) {
                guard let section = item.pointee.att_data.att_body_section else { continue }
                let bytes = section.pointee.sec_body_part
                data = bytes.map { Data(bytes: $0, count: section.pointee.sec_length) } ?? Data()
            }
        }
        guard let data else {
            throw IMAPProtocolError(kind: .gone, operation: "fetch UID \(uid)", detail: "the server returned no body (the message was probably deleted meanwhile)")
        }
        return data
    }

    /// Calls `body` with the static items of each message in a FETCH result.
    private func forEachMessage(_ list: UnsafeMutablePointer<clist>?,
                                _ body: ([UnsafeMutablePointer<mailimap_msg_att_static>]) -> Void) {
        var it = mr_clist_begin(list)
        while let node = it {
            if let att = mr_clist_content(node)?.assumingMemoryBound(to: mailimap_msg_att.self) {
                var items: [UnsafeMutablePointer<mailimap_msg_att_static>] = []
                var itemIt = mr_clist_begin(att.pointee.att_list)
                while let itemNode = itemIt {
                    if let item = mr_clist_content(itemNode)?.assumingMemoryBound(to: mailimap_msg_att_item.self),
                       item.pointee.att_type == Int32(MAILIMAP_MSG_ATT_ITEM_STATIC),
                       let stat = item.pointee.att_data.att_static {
                        items.append(stat)
                    }
                    itemIt = mr_clist_next(itemNode)
                }
                body(items)
            }
            it = mr_clist_next(node)
        }
    }

    // MARK: - Changing messages

    package enum Flag: Sendable, Hashable {
        case seen, answered, flagged, deleted, draft
        case keyword(String)
    }

    /// `UID STORE uid +FLAGS.SILENT (…)`.
    package func addFlags(_ flags: [Flag], uids: [UInt32]) throws(IMAPProtocolError) {
        guard !flags.isEmpty, !uids.isEmpty else { return }
        let set = try uidSet(uids)
        defer { mailimap_set_free(set) }
        let list = makeFlagList(flags)
        let store = mailimap_store_att_flags_new_add_flags_silent(list)
        defer { mailimap_store_att_flags_free(store) }
        let rc = mailimap_uid_store(imap, set, store)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "set flags on UID \(IMAPSession.describe(uids))") }
    }

    package func copy(uids: [UInt32], to mailbox: String) throws(IMAPProtocolError) {
        let set = try uidSet(uids)
        defer { mailimap_set_free(set) }
        let rc = mailimap_uid_copy(imap, set, ModifiedUTF7.encode(mailbox))
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "copy UID \(IMAPSession.describe(uids)) to \"\(mailbox)\"") }
    }

    /// MOVE where offered, else COPY + \Deleted + (UID) EXPUNGE of just those messages.
    package func move(uids: [UInt32], to mailbox: String) throws(IMAPProtocolError) {
        let set = try uidSet(uids)
        defer { mailimap_set_free(set) }
        if offersMove {
            let rc = mailimap_uid_move(imap, set, ModifiedUTF7.encode(mailbox))
            guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "move UID \(IMAPSession.describe(uids)) to \"\(mailbox)\"") }
            return
        }
        try copy(uids: uids, to: mailbox)
        try addFlags([.deleted], uids: uids)
        let rc = offersUIDPlus ? mailimap_uid_expunge(imap, set) : mailimap_expunge(imap)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "expunge moved UID \(IMAPSession.describe(uids))") }
    }

    /// APPEND; returns the new UID when the server reports it (UIDPLUS).
    package func append(_ message: Data, to mailbox: String, flags: [Flag]) throws(IMAPProtocolError) -> (uidValidity: UInt32, uid: UInt32)? {
        let list = makeFlagList(flags)
        defer { mailimap_flag_list_free(list) }
        var validity: UInt32 = 0
        var uid: UInt32 = 0
        let name = ModifiedUTF7.encode(mailbox)
        let rc: Int32 = message.withUnsafeBytes { buffer in
            let bytes = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            if offersUIDPlus {
                return mailimap_uidplus_append(imap, name, list, nil, bytes, buffer.count, &validity, &uid)
            }
            return mailimap_append(imap, name, list, nil, bytes, buffer.count)
        }
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "append a message to \"\(mailbox)\"") }
        return uid > 0 ? (validity, uid) : nil
    }

    package func createMailbox(_ mailbox: String) throws(IMAPProtocolError) {
        let rc = mailimap_create(imap, ModifiedUTF7.encode(mailbox))
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "create the folder \"\(mailbox)\"") }
    }

    private func makeFlagList(_ flags: [Flag]) -> UnsafeMutablePointer<mailimap_flag_list> {
        let list = mailimap_flag_list_new_empty()!
        for flag in flags {
            let f: UnsafeMutablePointer<mailimap_flag>?
            switch flag {
            case .seen: f = mailimap_flag_new_seen()
            case .answered: f = mailimap_flag_new_answered()
            case .flagged: f = mailimap_flag_new_flagged()
            case .deleted: f = mailimap_flag_new_deleted()
            case .draft: f = mailimap_flag_new_draft()
            case .keyword(let k): f = mailimap_flag_new_flag_keyword(strdup(k))
            }
            if let f { mailimap_flag_list_add(list, f) }
        }
        return list
    }

    private func uidSet(_ uids: [UInt32]) throws(IMAPProtocolError) -> UnsafeMutablePointer<mailimap_set> {
        guard let set = mailimap_set_new_empty() else { throw memory("build a UID set") }
        for uid in uids { mailimap_set_add_single(set, uid) }
        return set
    }

    package static func describe(_ uids: [UInt32]) -> String {
        uids.count <= 5 ? uids.map(String.init).joined(separator: ",") : "\(uids[0])… (\(uids.count) messages)"
    }

    // MARK: - IDLE

    package enum IdleWake: Sendable { case serverSpoke, timedOut }

    /// Sends IDLE; the server is then expected to push untagged responses. Returns true when the server
    /// already reported new messages (EXISTS) before it confirmed IDLE: libetpan consumes those lines while it
    /// waits for the continuation, so no later wait would see them.
    @discardableResult
    package func startIdle() throws(IMAPProtocolError) -> Bool {
        guard let stream = imap.pointee.imap_stream else { throw IMAPProtocolError(kind: .connection, operation: "start IDLE", detail: "not connected") }
        guard mailstream_setup_idle(stream) == 0 else {
            throw IMAPProtocolError(kind: .connection, operation: "start IDLE", detail: "libetpan could not prepare the stream for IDLE")
        }
        let rc = mailimap_idle(imap)
        guard rc == Int32(MAILIMAP_NO_ERROR) else {
            mailstream_unsetup_idle(stream)
            throw failure(rc, "start IDLE")
        }
        return imap.pointee.imap_selection_info.map { $0.pointee.sel_has_exists != 0 } ?? false
    }

    /// Waits up to `seconds` (whole seconds) for the server to say something while idling.
    package func waitIdle(seconds: Int) throws(IMAPProtocolError) -> IdleWake {
        guard let stream = imap.pointee.imap_stream else { throw IMAPProtocolError(kind: .connection, operation: "wait in IDLE", detail: "not connected") }
        // Bytes already read into libetpan's buffer would not wake poll(2).
        if stream.pointee.read_buffer_len > 0 { return .serverSpoke }
        let r = mailstream_wait_idle(stream, Int32(max(1, seconds)))
        switch r {
        case Int32(MAILSTREAM_IDLE_HASDATA): return .serverSpoke
        case Int32(MAILSTREAM_IDLE_TIMEOUT), Int32(MAILSTREAM_IDLE_INTERRUPTED): return .timedOut
        default:
            throw IMAPProtocolError(kind: .connection, operation: "wait in IDLE", detail: "the connection failed while idling")
        }
    }

    /// Sends DONE and reads the end of IDLE (and whatever the server pushed meanwhile).
    package func finishIdle() throws(IMAPProtocolError) {
        guard let stream = imap.pointee.imap_stream else { throw IMAPProtocolError(kind: .connection, operation: "end IDLE", detail: "not connected") }
        let rc = mailimap_idle_done(imap)
        mailstream_unsetup_idle(stream)
        guard rc == Int32(MAILIMAP_NO_ERROR) else { throw failure(rc, "end IDLE") }
    }

    // MARK: - Errors

    /// The server's last response text (e.g. "[AUTHENTICATIONFAILED] Authentication failed.").
    package var lastResponse: String {
        imap.pointee.imap_response.map { String(cString: $0) } ?? ""
    }

    private func memory(_ operation: String) -> IMAPProtocolError {
        IMAPProtocolError(kind: .protocolError, operation: operation, detail: "out of memory")
    }

    private func failure(_ rc: Int32, _ operation: String) -> IMAPProtocolError {
        let response = lastResponse.trimmingCharacters(in: .whitespacesAndNewlines)
        let kind: IMAPProtocolError.Kind
        var detail: String
        switch rc {
        case Int32(MAILIMAP_ERROR_LOGIN), Int32(MAILIMAP_ERROR_SASL):
            kind = .authentication
            detail = response.isEmpty ? "the server refused the credentials" : "the server refused the credentials: \(response)"
        case Int32(MAILIMAP_ERROR_EXTENSION) where operation.contains("XOAUTH2"):
            kind = .authentication
            detail = response.isEmpty ? "the server refused the access token" : "the server refused the access token: \(response)"
        case Int32(MAILIMAP_ERROR_CONNECTION_REFUSED):
            kind = .connection
            detail = "the connection was refused or the host could not be reached"
        case Int32(MAILIMAP_ERROR_STREAM):
            kind = .connection
            detail = "the connection was closed or timed out"
        case Int32(MAILIMAP_ERROR_SSL), Int32(MAILIMAP_ERROR_STARTTLS):
            kind = .tls
            detail = "the TLS handshake failed" + (response.isEmpty ? "" : ": \(response)")
        case Int32(MAILIMAP_ERROR_PARSE):
            kind = .connection
            detail = "the server's answer could not be parsed (connection cut mid-response?)"
        case Int32(MAILIMAP_ERROR_DONT_ACCEPT_CONNECTION):
            kind = .connection
            detail = "the server does not accept the connection" + (response.isEmpty ? "" : ": \(response)")
        default:
            kind = .refused
            detail = response.isEmpty ? "libetpan error \(rc)" : "the server answered: \(response)"
        }
        return IMAPProtocolError(kind: kind, operation: operation, detail: detail)
    }

    package static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
