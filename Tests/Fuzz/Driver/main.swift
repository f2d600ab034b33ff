// mailroom-fuzz TARGET [libFuzzer options] [corpus folders or files]
//
// The libFuzzer driver of the fuzz targets (Sources/FuzzTargets). Exists only in the fuzz build:
// Package.swift declares it when MAILROOM_FUZZ=1, and scripts/fuzz.sh builds it with coverage
// instrumentation and links libFuzzer's library without its main (this file is the main and hands
// control to libFuzzer through LLVMFuzzerRunDriver).
import Foundation
import FuzzTargets

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) var selected = FuzzTarget.mime

let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
guard CommandLine.arguments.count >= 2, let target = FuzzTarget(rawValue: CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: mailroom-fuzz TARGET [libFuzzer options] [corpus…]\ntargets: \(names)\n".utf8))
    exit(2)
}
selected = target

// libFuzzer sees the program name and everything after the target's name.
var arguments = [CommandLine.arguments[0]] + CommandLine.arguments.dropFirst(2)
var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
var argc = Int32(arguments.count)
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress!
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
        let data = count == 0 || bytes == nil ? Data() : Data(bytes: bytes!, count: count)
        selected.run(data)
        return 0
    }
}
exit(status)
