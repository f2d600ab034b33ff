import Foundation

/// A plain HTTP/1.1 client for tests that must see exactly what a server answers: no redirect is followed, no
/// cookie is kept unless the test sends it, and every `Set-Cookie` header is kept apart.
package struct HTTPTestClient: Sendable {
    package let host: String
    package let port: Int

    package init(host: String = "127.0.0.1", port: Int) {
        self.host = host
        self.port = port
    }

    package struct Answer: Sendable {
        package var status: Int
        /// Header names lowercased, in the order sent.
        package var headers: [(name: String, value: String)]
        package var body: String

        package func header(_ name: String) -> String? { headers.first { $0.name == name.lowercased() }?.value }
        package func headers(_ name: String) -> [String] { headers.filter { $0.name == name.lowercased() }.map(\.value) }

        /// The value a `Set-Cookie` header gives `name`, and that header whole.
        package func cookie(_ name: String) -> (value: String, header: String)? {
            for header in headers("set-cookie") {
                let first = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return (String(parts[1]), header)
                }
            }
            return nil
        }
    }

    package func get(_ path: String, cookies: [String: String] = [:], headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, cookies: cookies, headers: headers, body: nil)
    }

    /// POSTs `form` as application/x-www-form-urlencoded.
    package func post(_ path: String, form: [(String, String)], cookies: [String: String] = [:],
                      headers: [String: String] = [:]) async throws -> Answer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")="
            + "\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        return try await send("POST", path, cookies: cookies, headers: all, body: Data(body.utf8))
    }

    package func send(_ method: String, _ path: String, cookies: [String: String], headers: [String: String],
                      body: Data?) async throws -> Answer {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty {
            request += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n"
        }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
        var data = Data(request.utf8)
        if let body { data.append(body) }
        let (host, port) = (self.host, self.port)
        let raw = try await Task.detached { try Self.exchange(host: host, port: port, data: data) }.value
        return try Self.parse(raw)
    }

    private static func exchange(host: String, port: Int, data: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError(message: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestServerError(message: "cannot connect to \(host):\(port): errno \(errno)") }
        try data.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw TestServerError(message: "send failed: errno \(errno)") }
                sent += n
            }
        }
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw TestServerError(message: "no answer from \(host):\(port): errno \(errno)") }
            answer.append(contentsOf: chunk[0..<n])
            // A server may keep the connection open despite "Connection: close" (chromedriver does): the answer
            // is complete once its Content-Length or its last chunk has arrived.
            if isComplete(answer) { break }
        }
        return answer
    }

    private static func isComplete(_ raw: Data) -> Bool {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).lowercased()
        let bodyCount = raw.count - split.upperBound
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
            if let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) {
                return bodyCount >= length
            }
        }
        if head.contains("transfer-encoding: chunked") { return raw.suffix(5) == Data("0\r\n\r\n".utf8) }
        return false
    }

    private static func parse(_ raw: Data) throws -> Answer {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw TestServerError(message: "not an HTTP answer: \(String(decoding: raw.prefix(200), as: UTF8.self))")
        }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw TestServerError(message: "bad status line \(head.first ?? "")")
        }
        var headers: [(String, String)] = []
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Data(raw[split.upperBound...])
        if headers.contains(where: { $0.0 == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return Answer(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            out.append(rest[start..<end])
            rest = rest[min(rest.endIndex, rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}
