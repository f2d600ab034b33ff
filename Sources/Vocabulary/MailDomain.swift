import Foundation

/// Domains of mail addresses, as DMARC's relaxed alignment and reply decisions compare them.
public enum MailDomain {
    /// The domain part of an address, lower-case, without a trailing dot; nil when there is none.
    public static func of(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = HostName.normalised(String(address[address.index(after: at)...]))
        return domain.isEmpty ? nil : domain
    }

    /// Second-level labels under which country domains register names (`example.co.uk`, `example.com.cn`).
    static let registrySecondLevels: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gv", "ltd", "plc"]

    /// The organisational domain (the registered name): the last two labels, or three where a country domain
    /// registers under a second level (`mail.firma.co.uk` → `firma.co.uk`). An approximation of the Public
    /// Suffix List that errs toward treating two domains as different organisations. Takes an address or a domain.
    public static func organisation(of addressOrDomain: String) -> String? {
        let domain = addressOrDomain.contains("@") ? of(addressOrDomain) : HostName.normalised(addressOrDomain)
        guard let domain, !domain.isEmpty else { return nil }
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return domain }
        let tld = labels[labels.count - 1], second = labels[labels.count - 2]
        let keep = tld.count == 2 && registrySecondLevels.contains(second) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }
}
