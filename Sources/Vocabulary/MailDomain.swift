import Foundation

/// Domains of mail addresses, as DMARC's relaxed alignment and reply decisions compare them.
public enum MailDomain {
    /// The domain part of an address, lower-case, without a trailing dot; nil when there is none.
    public static func of(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = HostName.normalised(String(address[address.index(after: at)...]))
        return domain.isEmpty ? nil : domain
    }

    /// Two-level public suffixes under which organisations register (co.uk, com.au, …): a short, fixed list. A
    /// domain under one of them has its last three labels as organisational domain, every other its last two.
    package static let twoLevelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz",
        "co.jp", "or.jp", "ne.jp", "ac.jp", "co.kr", "or.kr", "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
        "com.hk", "com.tw", "com.sg", "com.my", "co.in", "net.in", "org.in", "co.id", "co.th", "com.vn",
        "com.br", "com.ar", "com.mx", "com.co", "com.pe", "co.za", "com.tr", "com.ua", "co.il", "com.pl", "com.ru",
    ]

    /// The organisational domain (the registered name, as DMARC's relaxed alignment compares them): the last two
    /// labels, or three under a two-level public suffix (`mail.sales.firma.co.uk` → `firma.co.uk`). An
    /// approximation of the Public Suffix List that errs toward treating two domains as different organisations.
    /// Takes an address or a domain; nil when there is no domain.
    public static func organisation(of addressOrDomain: String) -> String? {
        let domain = addressOrDomain.contains("@") ? of(addressOrDomain) : HostName.normalised(addressOrDomain)
        guard let domain, !domain.isEmpty else { return nil }
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        return twoLevelSuffixes.contains(lastTwo) ? labels.suffix(3).joined(separator: ".") : lastTwo
    }
}
