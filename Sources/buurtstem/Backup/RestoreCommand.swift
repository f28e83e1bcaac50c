import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation

/// `buurtstem restore FILE [--witness PLACE] [--accept-loss]`
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the association's database with a backup, after checking the backup.",
        discussion: """
            Nothing is replaced unless the backup passes every check: its checksum file (when there is
            one), SQLite's integrity check, its audit log (and the witnessed heads, with --witness), every
            ballot's votes against the log, and — when the current database can still be read — that it
            is a copy of the same association and is not behind it (--accept-loss says that losing the
            newer entries is meant). Stop the server first: a running server is detected and refused.
            The restore is recorded in the restored audit log.

            Examples:
              buurtstem restore /srv/backup/wildeman-2026-12-04.sqlite --db /var/lib/buurtstem/wildeman.sqlite
              buurtstem restore restored-by-litestream.sqlite --witness /srv/kascommissie --db wildeman.sqlite
            """)
    @Argument(help: "The backup file (from `buurtstem backup` or `litestream restore`).") var file: String
    @Option(help: "A witness's file or folder of signed heads: the backup must hold every head in it.") var witness: String?
    @Flag(help: "Restore even though the current database has audit entries the backup lacks.") var acceptLoss = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw refusal("cliDoesNotExist", ["path": file]) }
        let witnessed = try witness.map { try WitnessFile.read($0) } ?? []
        let target = try database.path()
        let restored = try refusing { try Backups.restore(file, to: target, witnessed: witnessed, acceptLoss: acceptLoss) }
        let checksum =
            switch restored.checksumMatched {
            case true?: Speech.text("cliChecksumMatched")
            case false?: Speech.text("cliChecksumDiffers")
            case nil: Speech.text("cliNoChecksum")
            }
        say("cliRestored", ["path": target, "file": file, "size": String(restored.head.size), "root": "\(restored.head.root)", "checksum": checksum])
        if !witnessed.isEmpty { say("cliHoldsWitnessed", ["count": String(witnessed.count)]) }
        if restored.lost > 0 { say("cliEntriesGivenUp", ["count": String(restored.lost)]) }
    }
}
