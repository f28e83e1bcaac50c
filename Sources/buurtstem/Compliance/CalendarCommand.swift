import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem calendar [--format text|ics]`
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Every upcoming deadline, as a list or an iCalendar file to subscribe to.",
        discussion: "Example:\n  buurtstem calendar --format ics > termijnen.ics")
    enum Format: String, ExpressibleByArgument { case text, ics }
    @Option(help: "text or ics.") var format: Format = .text
    @Option(help: "From this day (default: today).") var from: CivilDate?
    @Option(help: "nl or en.") var lang: String = "nl"
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is nl or en") }
        let facts = try refusing { try database.open().complianceFacts(verifyingAudit: false) }
        let day = from ?? today()
        let deadlines = Deadlines.upcoming(facts, from: day)
        switch format {
        case .text: print(Deadlines.text(deadlines, in: language), terminator: "")
        case .ics: print(Deadlines.ics(deadlines, association: facts.association, stamp: WallClock.system.now(), in: language), terminator: "")
        }
    }
}
