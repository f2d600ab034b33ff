import Crypto
import Foundation
import Vocabulary
import Ingest

/// The version of the rule set a daemon decides with: SHA-256 over the sorted lines "<path> <SHA-256 of the
/// file>" (each part preceded by its length in bytes and a colon) of every file that goes into it — under the rules folder the rule files, `kinds/`, `approvers.yaml`
/// and `catalogue.csv` (everything except `examples/`, which the classifier versions itself, `tests/`, which
/// only `mailroom rules test` reads, `*.md` and hidden files such as editors' swap files), and every file of
/// the connectors folder except `*.md` and hidden files. Paths are relative to their folder and prefixed
/// `rules/` or `connectors/`, so the same files give the same version wherever they are deployed.
///
/// Symbolic links are not followed: a link counts as its target's path, so retargeting it changes the version.
public struct RuleSetVersion: Sendable, Equatable, Codable {
    /// 64 hex digits.
    public var sha256: String
    /// Every file that went into it, by its prefixed relative path, with its SHA-256.
    public var files: [String: String]

    /// The first 12 hex digits, as status lines show it.
    public var short: String { String(sha256.prefix(12)) }

    public init(files: [String: String]) {
        self.files = files
        // Each part with its length before it: a path with a space or a line break cannot pass for another split.
        let lines = files.keys.sorted().map { (path: String) -> String in
            let hash = files[path]!
            return "\(path.utf8.count):\(path) \(hash.utf8.count):\(hash)\n"
        }.joined()
        sha256 = SHA256.hash(data: Data(lines.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The version of the files on disk now. A folder that does not exist contributes nothing; a file that
    /// cannot be read counts with the reason instead of its hash (so it still differs from any readable one).
    public static func onDisk(rulesDirectory: URL, connectorsDirectory: URL) -> RuleSetVersion {
        var files: [String: String] = [:]
        collect(rulesDirectory, prefix: "rules", skipping: ["examples", "tests"], into: &files)
        collect(connectorsDirectory, prefix: "connectors", skipping: [], into: &files)
        return RuleSetVersion(files: files)
    }

    private static func collect(_ directory: URL, prefix: String, skipping: Set<String>, into files: inout [String: String]) {
        let fm = FileManager.default
        func walk(_ folder: URL, _ relative: String, depth: Int) {
            guard depth < 8, let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".md") {
                let path = relative.isEmpty ? name : relative + "/" + name
                if depth == 0 && skipping.contains(name) { continue }
                let url = folder.appendingPathComponent(name)
                let key = prefix + "/" + path
                guard let info = FileStatus.info(url.path, follow: false) else { continue }
                if info.isSymlink {
                    files[key] = "symlink:" + ((try? fm.destinationOfSymbolicLink(atPath: url.path)) ?? "?")
                    continue
                }
                if info.isDirectory {
                    walk(url, path, depth: depth + 1)
                    continue
                }
                guard info.isRegular else { continue }
                do {
                    let data = try Data(contentsOf: url)
                    files[key] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                } catch {
                    files[key] = "unreadable:\(error.localizedDescription)"
                }
            }
        }
        walk(directory, "", depth: 0)
    }

    /// The files that differ between two versions ("changed", "added", "removed"), for logs and `status`.
    public func differences(from old: RuleSetVersion) -> [String] {
        var out: [String] = []
        for path in Set(files.keys).union(old.files.keys).sorted() {
            switch (old.files[path], files[path]) {
            case (nil, _?): out.append("\(path) added")
            case (_?, nil): out.append("\(path) removed")
            case (let a?, let b?) where a != b: out.append("\(path) changed")
            default: continue
            }
        }
        return out
    }
}
