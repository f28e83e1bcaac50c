import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// The witness's file: `buurtstem-witness.jsonl` in a folder, one signed head per line.
enum WitnessFile {
    static let name = "buurtstem-witness.jsonl"

    static func path(_ place: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: place, isDirectory: &isFolder), !isFolder.boolValue { return place }
        return (place as NSString).appendingPathComponent(name)
    }

    static func checkPlace(_ place: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: place, isDirectory: &isFolder) else {
            throw refusal("cliNoWitnessFolder", ["place": place])
        }
        guard FileManager.default.isWritableFile(atPath: isFolder.boolValue ? place : (place as NSString).deletingLastPathComponent) else {
            throw refusal("cliNotWritable", ["path": place])
        }
    }

    /// Appends the line; commits it when the place is in a git work tree. True when committed.
    static func append(_ head: SignedAuditHead, to place: String) throws -> Bool {
        let file = path(place)
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: file) else { throw refusal("cliCannotWrite", ["path": file]) }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((head.line + "\n").utf8))
        try handle.synchronize()
        let folder = (file as NSString).deletingLastPathComponent
        guard git(["-C", folder, "rev-parse", "--is-inside-work-tree"]) else { return false }
        guard git(["-C", folder, "add", name]),
            git([
                "-C", folder, "-c", "user.name=Buurtstem", "-c", "user.email=buurtstem@localhost", "commit", "-q", "-m",
                "Audit head \(head.head.size) of \(head.association), signed \(head.at)", "--", name,
            ])
        else {
            throw refusal("cliNotCommitted", ["file": file])
        }
        return true
    }

    static func read(_ place: String) throws -> [SignedAuditHead] {
        let file = path(place)
        let text = String(decoding: try readBytes(file), as: UTF8.self)
        var heads: [SignedAuditHead] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do { heads.append(try SignedAuditHead(line: String(line))) } catch {
                throw ValidationError("\(file):\(n + 1): \(error)")
            }
        }
        guard !heads.isEmpty else { throw refusal("cliNoSignedHeads", ["file": file]) }
        return heads
    }

    private static func git(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
