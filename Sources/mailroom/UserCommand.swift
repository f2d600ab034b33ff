import ArgumentParser
import Foundation
import Vocabulary
import Store
import WebUI

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the people who may log in to the web UI (web: in the configuration).",
        discussion: """
            Roles: auditor (reads everything, changes nothing), reviewer (answers the review queue), \
            approver:ROLE (approves or rejects actions waiting for that approver role; the role must be declared \
            under roles: in rules/approvers.yaml), \
            admin (all of it). Passwords are kept as Argon2id hashes. Every change is an audit event \
            (stage "web"), as is every login, failed login and logout.
            """,
        subcommands: [UserAddCommand.self, UserPasswdCommand.self, UserRemoveCommand.self, UserListCommand.self],
        defaultSubcommand: UserListCommand.self)
}

/// The password: from the terminal without echo (asked twice), or the first line of stdin with --password-stdin.
enum PasswordInput {
    static func read(fromStdin: Bool) throws -> String {
        if fromStdin {
            guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                throw OperatorInputError(message: "--password-stdin: stdin gave no password")
            }
            return line
        }
        guard isatty(STDIN_FILENO) != 0 else {
            throw OperatorInputError(message: "stdin is not a terminal: pass the password with --password-stdin")
        }
        let first = try prompt("Password: ")
        let second = try prompt("Password again: ")
        guard first == second else { throw OperatorInputError(message: "the two passwords differ; nothing changed") }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else { throw OperatorInputError(message: "no password given") }
        return line
    }
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a web UI user (or bring back a removed one with a new password).")

    @OptionGroup var options: ConfigOptions
    @Argument(help: "The login: 1 to 64 letters, digits, '.', '_', '-' or '@'.") var login: String
    @Option(name: .customLong("role"), help: ArgumentHelp("auditor, reviewer, approver:ROLE or admin; repeat for several.", valueName: "role"))
    var roles: [String] = []
    @Option(help: ArgumentHelp("The UI's language for this user: en, de or zh (default: the browser's).", valueName: "language"))
    var language: String?
    @Flag(help: "Read the password from the first line of stdin instead of the terminal.") var passwordStdin = false

    func run() async throws {
        try await operatorCommand {
            let parsedRoles = try roles.map { text -> WebRole in
                guard let role = WebRole(text) else {
                    throw OperatorInputError(message: "'\(text)' is not a role; use auditor, reviewer, approver:ROLE or admin")
                }
                return role
            }
            let parsedLanguage = try language.map { text -> WebLanguage in
                guard let l = WebLanguage(rawValue: text) else { throw OperatorInputError(message: "'\(text)' is not a language; use en, de or zh") }
                return l
            }
            let config = try options.load()
            // An approver role rules/approvers.yaml does not declare is refused before the password is asked for.
            try WebAccounts.checkApproverRoles(parsedRoles, rulesDirectory: URL(fileURLWithPath: config.rules.path))
            let password = try PasswordInput.read(fromStdin: passwordStdin)
            let accounts = WebAccounts(store: try MailStore(path: config.store.path))
            let user = try accounts.addUser(login: login, password: password, roles: parsedRoles, language: parsedLanguage,
                                            actor: AuditActor.currentOperator(),
                                            approverRolesFrom: URL(fileURLWithPath: config.rules.path))
            Terminal.out("Added web user \(user.login) (\(user.roles.map(\.description).joined(separator: ", "))).\n")
            if config.web == nil { Terminal.note("note: there is no web: section in the configuration, so the UI is not served yet") }
        }
    }
}

struct UserPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Give a web UI user a new password (their open sessions end).")

    @OptionGroup var options: ConfigOptions
    @Argument var login: String
    @Flag(help: "Read the password from the first line of stdin instead of the terminal.") var passwordStdin = false

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let password = try PasswordInput.read(fromStdin: passwordStdin)
            try WebAccounts(store: store).changePassword(login: login, password: password, actor: AuditActor.currentOperator())
            Terminal.out("Changed the password of \(login); their sessions ended.\n")
        }
    }
}

struct UserRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a web UI user: their login stops working and their sessions end.")

    @OptionGroup var options: ConfigOptions
    @Argument var login: String

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            try WebAccounts(store: store).removeUser(login: login, actor: AuditActor.currentOperator())
            Terminal.out("Removed web user \(login).\n")
        }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the web UI users.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await operatorCommand {
            let config = try options.load()
            let store = try options.openExistingStore(config)
            let users = try WebAccounts(store: store).users()
            if users.isEmpty { Terminal.out("There are no web users; add one with `mailroom user add LOGIN --role reviewer`.\n"); return }
            let rows = users.map { u in
                [u.login, u.roles.map(\.description).joined(separator: " "), u.language ?? "-",
                 ISO8601.utcString(u.createdAt), u.disabledAt.map { "removed " + ISO8601.utcString($0) } ?? "active"]
            }
            let table = FixedWidthTable(header: ["LOGIN", "ROLES", "LANGUAGE", "CREATED", "STATE"], rows: rows,
                                        rightAligned: [], maxWidths: [])
            Terminal.out(table.render() + "\n")
        }
    }
}
