public import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
public import Statuut

/// `--db FILE`, shared by every command that works on an association's database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The association's database file (default: $BUURTSTEM_DB).")
    var db: String?

    /// The path to use, or a clear error when neither --db nor BUURTSTEM_DB is set.
    func path() throws -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["BUURTSTEM_DB"], !env.isEmpty { return env }
        throw refusal("cliWhichDatabase")
    }

    /// Opens an existing database (init is the only command that creates one).
    /// Opens the database; a file whose schema is not what the migrations made is refused, unless
    /// `foreignSchema` is `.report` (`audit verify` opens it to name what is wrong).
    func open(foreignSchema: AppDatabase.ForeignSchema = .refuse) throws -> AppDatabase {
        let path = try path()
        guard FileManager.default.fileExists(atPath: path) else {
            throw refusal("cliNoDatabase", ["path": path])
        }
        return try AppDatabase(path: path, foreignSchema: foreignSchema)
    }
}

/// An assembly, ballot or proposal named by its number on the command line.
extension Identifier: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

/// Today, from the system clock (commands take --on to say otherwise).
func today() -> CivilDate { WallClock.system.today() }

/// Reads a whole file as bytes, with a clear error.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw refusal("cliCannotRead", ["path": path])
    }
    return [UInt8](data)
}

/// Writes text to a file only its owner may read (for files with personal data or codes).
func writePrivate(_ text: String, to path: String) throws {
    let created = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    guard created else { throw refusal("cliCannotWrite", ["path": path]) }
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
}

/// A progress bar on standard error, shown only when it is a terminal.
struct ProgressBar {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let percent = done * 100 / total
        printError("\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(percent)%", newline: false)
    }

    func finish() { if enabled { printError("", newline: true) } }
}
