import ArgumentParser
import Foundation
import Statuut

/// Reading statute files: the one place the command line touches the file system for them.
enum SourceReader {
    /// Reads a UTF-8 statute; a missing file or bad encoding is a clear error, not a crash.
    static func read(_ path: String) throws -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw refusal("cliCannotRead", ["path": path])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw refusal("cliNotUTF8", ["path": path])
        }
        return SourceFile(name: path, text: text)
    }
}

/// Writes to standard error, ending the line unless told not to.
func printError(_ text: String, newline: Bool = true) {
    let line = newline && !text.hasSuffix("\n") ? text + "\n" : text
    FileHandle.standardError.write(Data(line.utf8))
}
