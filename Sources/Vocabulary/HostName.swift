import Foundation

/// Host names as configuration and connectors write them.
public enum HostName {
    /// Lower-case, without IPv6 brackets and without a trailing dot: the form hosts are compared in.
    public static func normalised(_ host: String) -> String {
        var h = host.trimmingCharacters(in: .whitespaces).lowercased()
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h.hasSuffix(".") { h.removeLast() }
        return h
    }

    /// True for `localhost`, `::1` and dotted IPv4 addresses in 127.0.0.0/8: traffic that never leaves the
    /// machine (where plain connections without TLS may be allowed).
    public static func isLoopback(_ host: String) -> Bool {
        let h = normalised(host)
        if h == "localhost" || h == "::1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
        }
    }
}
