import Foundation
import FuzzTargets
import Testing

/// The deterministic part of the fuzzing (issue 14), in `make test`: every saved input of every fuzz target —
/// the seeds and each input that once crashed or hung a target (`crash-*`, `timeout-*`, `oom-*`, kept after
/// the fix) — goes through the same entry point libFuzzer calls. No random input here: the random search is
/// `make fuzz` / `make attack`.
@Suite struct FuzzReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
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

    @Test func everyTargetHasASavedCorpusFolder() {
        for target in FuzzTarget.allCases {
            var isFolder: ObjCBool = false
            let path = Self.corpus.appendingPathComponent(target.rawValue).path
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue, "\(path)")
        }
    }
}
