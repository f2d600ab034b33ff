import Foundation
import FuzzTargets
import Testing

/// The deterministic part of the fuzzing (issue 14), in `make test`: every saved input of every fuzz target —
/// the seeds and each input that once crashed or hung a target (`crash-*`, `timeout-*`, `oom-*`, kept after
/// the fix) — goes through the same entry point libFuzzer calls. No random input here: the random search is
/// `make fuzz` / `make attack`.
@Suite struct FuzzReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let repository = corpus.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The target's own saved inputs, then the test fixture folders named in `Corpus/TARGET.seeds` (one path from
    /// the repository root per line; `scripts/fuzz.sh` passes the same folders to libFuzzer).
    static func seedFolders(_ target: FuzzTarget) -> [URL] {
        let list = corpus.appendingPathComponent(target.rawValue + ".seeds")
        let lines = ((try? String(contentsOf: list, encoding: .utf8)) ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return [corpus.appendingPathComponent(target.rawValue)] + lines.map { repository.appendingPathComponent($0) }
    }

    static func inputs(_ target: FuzzTarget) -> [URL] {
        seedFolders(target).flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                .map { folder.appendingPathComponent($0) }
                .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func savedInputsRunThroughTheTarget(_ target: FuzzTarget) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 3, "\(target.rawValue): a handful of seeds at least")
        for file in files {
            let data = try Data(contentsOf: file)
            let start = ContinuousClock.now
            target.run(data)
            // Generous (a debug build on a busy machine): only a real hang, the kind libFuzzer's -timeout
            // reports, comes near it.
            let seconds = start.duration(to: .now).components.seconds
            #expect(seconds < 60, "\(target.rawValue)/\(file.lastPathComponent) took \(seconds) s")
        }
    }

    @Test func everyTargetHasASavedCorpusFolderAndItsSeedFoldersExist() {
        for target in FuzzTarget.allCases {
            for folder in Self.seedFolders(target) {
                var isFolder: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue, "\(folder.path)")
            }
        }
    }
}
