import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem init --statute FILE --db FILE`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an association's database from its founding statute.",
        discussion: """
            Creates the SQLite file (WAL mode, synchronous=FULL), stores the statute as its first
            version and starts the audit log. The statute must check without errors.

            Example:
              buurtstem init --statute Statutes/wildemanbuurt.statuut --db wildeman.sqlite
            """
    )

    @Option(help: "The founding statute.")
    var statute: String

    @Option(help: "The day the statute takes effect (default: its `geldig vanaf`, else today).")
    var from: CivilDate?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let path = try database.path()
        if FileManager.default.fileExists(atPath: path) {
            throw refusal("cliDatabaseExists", ["path": path])
        }
        let source = try SourceReader.read(statute)
        let result = StatuteCompiler.compile(source)
        if result.hasErrors {
            printError(DiagnosticRenderer(file: source).render(result.diagnostics))
            throw refusal("cliStatuteHasErrors", ["statute": statute])
        }
        let db = try AppDatabase(path: path)
        let version = try db.createAssociation(statuteSource: source.text, fileName: statute, validFrom: from)
        let head = try db.auditHead()
        say("cliCreated", ["path": path, "name": version.name, "version": "\(version.id)", "from": "\(version.validFrom)"])
        say("cliAuditHead", ["head": "\(head)"])
    }
}
