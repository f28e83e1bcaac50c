import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation

/// `buurtstem backup --out FILE`
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the association's database while the server runs (with a checksum file).",
        discussion: """
            Uses SQLite's online backup: the copy is consistent even while votes are being written. The
            copy's SHA-256 goes to FILE.sha256 (`sha256sum -c FILE.sha256` checks it); `buurtstem
            restore FILE` checks it again, with the audit log, before it replaces anything. For a
            continuous copy (every second) run Litestream beside the server: docs/operations.md.

            Example:
              buurtstem backup --out /srv/backup/wildeman-2026-12-04.sqlite
            """)
    @Option(help: "The file to write (it must not exist).") var out: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let made = try refusing { try database.open().backup(to: out) }
        say("cliBackedUp", ["from": try database.path(), "path": made.path, "size": String(made.head.size), "root": "\(made.head.root)"])
        say("cliBackupChecksum", ["sha256": made.sha256, "path": made.path])
    }
}
