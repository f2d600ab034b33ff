import Foundation

/// Who took a step, as the audit trail names them. One spelling for each kind of actor:
/// - `mailroom/<version>`: Mailroom itself (a stage, the outbox, a connector);
/// - `operator:<login>`: the person at the terminal, by the login that ran the command (behind sudo, the login
///   that ran sudo) — known to the machine;
/// - `person:<name> via operator:<login>`: a name given with `--by` that Mailroom cannot check, with the login
///   that gave it.
/// - `user:<login>`: a person logged in to the web UI (`mailroom user add`), as the UI checked them.
/// Approvals by mail name the approver's verified address in their events' details.
public enum AuditActor {
    /// "mailroom/0.1.0": the component and version that took a step.
    public static let mailroom = "mailroom/" + MailroomVersion.string

    /// "operator:<login>".
    public static func `operator`(_ login: String) -> String { "operator:" + login }

    /// "user:<login>": a web UI user, whose password the UI checked.
    public static func webUser(_ login: String) -> String { "user:" + login }

    /// "person:<name>": a name someone gave, which Mailroom takes as said.
    public static func person(_ name: String) -> String { "person:" + name }

    /// The person at the terminal: "operator:<login>" (the one behind sudo when there is one).
    public static func currentOperator() -> String {
        `operator`(currentLogin())
    }

    /// The login running the command: the real user id's name (environment variables such as USER can be set
    /// to anything); under sudo by root, the user who ran sudo.
    public static func currentLogin() -> String {
        let uid = getuid()
        var name = "uid\(uid)"
        if let entry = getpwuid(uid), let pw = entry.pointee.pw_name { name = String(cString: pw) }
        if uid == 0, let sudoUser = ProcessInfo.processInfo.environment["SUDO_USER"], !sudoUser.isEmpty { return sudoUser }
        return name
    }

    /// The actor of a command-line step. Without `--by`, or with the login itself, the login at the terminal
    /// ("operator:<login>"). Another name is a claim Mailroom cannot check, so it is recorded with the login that
    /// made it: "person:<name> via operator:<login>". `--by operator:someone-else` never passes for a verified
    /// login.
    public static func commandLine(by name: String?, login: String = currentLogin()) -> String {
        guard var claimed = name?.trimmingCharacters(in: .whitespaces), !claimed.isEmpty else { return `operator`(login) }
        for prefix in ["operator:", "person:"] where claimed.hasPrefix(prefix) { claimed = String(claimed.dropFirst(prefix.count)) }
        if claimed == login || claimed.isEmpty { return `operator`(login) }
        return person(claimed) + " via " + `operator`(login)
    }
}
