import Foundation

/// Dates as mail headers write them (RFC 5322), in UTC: `Mon, 23 Nov 2026 08:02:43 +0000`. Reading the many
/// forms senders write is Parse's `MailDate`; this is the one writer.
public enum MailDateText {
    public static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
