import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem statute adopt FILE --from DATE`
struct StatuteAdopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Add a statute version that takes effect on a date.",
        discussion: """
            Every rule lookup takes a date and uses the version in force then, so decisions stay
            judged by the statute of their day. (A later release adopts amendments by ballot.)

            Example:
              buurtstem statute adopt Statutes/wildemanbuurt.statuut --from 2027-01-01 --db wildeman.sqlite
            """
    )

    @Argument(help: "The new statute text.")
    var file: String

    @Option(help: "The day it takes effect (YYYY-MM-DD).")
    var from: CivilDate

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let source = try SourceReader.read(file)
        let result = StatuteCompiler.compile(source)
        if result.hasErrors {
            printError(DiagnosticRenderer(file: source).render(result.diagnostics))
            throw refusal("cliStatuteHasErrors", ["statute": file])
        }
        let db = try database.open()
        let version = try db.adoptStatute(source: source.text, fileName: file, from: from)
        say("cliStatuteAdopted", ["version": "\(version.id)", "sha256": String(version.sha256.prefix(12)), "from": "\(version.validFrom)"])
        say("cliAuditHead", ["head": "\(try db.auditHead())"])
    }
}
