import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem compliance [--year Y | --on DATE] [--format text|json|html]`
struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance", abstract: "Does the association keep its own statute? Every obligation, with evidence and deadlines.",
        discussion: """
            Exit code 0 when nothing is broken or at risk, 1 when something is broken, 2 when something is
            at risk, so it can run from cron and mail the board:
              buurtstem compliance || mail -s "Buurtstem: naleving" bestuur@example.nl
              buurtstem compliance --year 2026 --format html > naleving-2026.html
            """)

    enum Format: String, ExpressibleByArgument { case text, json, html }

    @Option(help: "Only what belongs to this calendar year.") var year: Int?
    @Option(help: "Judge on this day (default: today; with --year, the year's last day if it has passed).") var on: CivilDate?
    @Option(help: "text, json or html.") var format: Format = .text
    @Option(help: "nl or en (text and html; JSON has both).") var lang: String = "nl"
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is nl or en") }
        let facts = try refusing { try database.open().complianceFacts() }
        var day = on ?? today()
        if on == nil, let year, let end = CivilDate(year: year, month: 12, day: 31), end < day { day = end }
        let report = Compliance.check(facts, on: day, year: year)
        switch format {
        case .text: print(report.text(in: language), terminator: "")
        case .json: print(report.json().encoded(pretty: true))
        case .html: print(report.html(in: language))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
