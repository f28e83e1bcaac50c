import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem register import FILE.csv [--on DATE] [--skip-invalid --rejects FILE]`
struct RegisterImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a residents' register extract (CSV).",
        discussion: """
            Columns (Dutch or English header names, any order): id (required), postcode (required),
            huisnummer (required), toevoeging, geboortedatum or geboortejaar, ingeschreven,
            uitgeschreven, naam (kept only with --keep-names). UTF-8 with or without BOM; ';' or ','.

            Every bad row is reported with its line, column and reason. By default nothing is imported
            when any row is bad; with --skip-invalid --rejects FILE the good rows are imported and the
            bad ones written to FILE with their reasons. Always: read = imported + rejected.
            Importing a newer extract updates residents by id and records moves with their dates.

            Examples:
              buurtstem register import extract.csv --on 2026-11-01 --db wildeman.sqlite
              buurtstem register import extract.csv --skip-invalid --rejects rejects.csv
            """
    )

    @Argument(help: "The extract (CSV).")
    var file: String

    @Option(help: "The date the extract describes (default: today). Later dates in it are rejected.")
    var on: CivilDate?

    @Flag(help: "Import the valid rows and write the invalid ones to --rejects.")
    var skipInvalid = false

    @Option(help: "Where to write rejected rows (with --skip-invalid).")
    var rejects: String?

    @Flag(help: "Keep residents' names (for the check-in desk).")
    var keepNames = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if skipInvalid, rejects == nil { throw refusal("cliSkipNeedsRejects") }
        if rejects != nil, !skipInvalid { throw refusal("cliRejectsNeedsSkip") }
    }

    func run() throws {
        let db = try database.open()
        let date = on ?? today()
        let bytes = try readBytes(file)
        let bar = ProgressBar(label: "reading ")
        let extract: RegisterExtract
        do {
            extract = try RegisterParser.parse(bytes, today: date, keepNames: keepNames) { bar.update($0, of: bytes.count) }
        } catch {
            bar.finish()
            throw ValidationError("\(file): \(error)")
        }
        bar.finish()
        if !extract.rejects.isEmpty {
            for reject in extract.rejects.prefix(skipInvalid ? 0 : 50) {
                printError("\(file):\(reject.line): \(reject.column.map { "column \($0): " } ?? "")\(reject.reason)")
            }
            if !skipInvalid {
                if extract.rejects.count > 50 { printError("… and \(extract.rejects.count - 50) more") }
                printError("\(file): \(extract.rejects.count) of \(extract.rowsRead) rows are invalid; nothing was imported.")
                printError("Fix them, or import the valid rows with --skip-invalid --rejects FILE.")
                throw ExitCode(1)
            }
        }
        if let rejects {
            var csv = "regel;kolom;reden;rij\n"
            for reject in extract.rejects {
                csv += "\(reject.line);\(csvField(reject.column ?? ""));\(csvField(reject.reason));\(csvField(reject.raw))\n"
            }
            try writePrivate(csv, to: rejects)
        }
        let importBar = ProgressBar(label: "importing")
        let summary = try db.importRegister(
            extract, fileName: file, fileSHA256: Hash.sha256(bytes).description, extractDate: date
        ) { importBar.update($0, of: $1) }
        importBar.finish()
        say("cliImportRead", ["read": String(summary.read), "imported": String(summary.imported), "rejected": String(summary.rejected)])
        say(
            "cliImportChanges",
            [
                "created": String(summary.created), "moved": String(summary.moved), "movedOut": String(summary.movedOut),
                "updated": String(summary.updated), "absent": String(summary.absent), "unchanged": String(summary.unchanged),
            ])
        if let rejects, summary.rejected > 0 { say("cliImportRejects", ["file": rejects]) }
        say("cliAuditHead", ["head": "\(summary.head)"])
    }
}
