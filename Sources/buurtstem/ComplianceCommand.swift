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

/// `buurtstem accounts present --year Y [--on DATE]`
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Record that the annual accounts were presented to the members.",
        subcommands: [Present.self])

    struct Present: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The accounts of a financial year were presented (e.g. at an assembly).")
        @Option(help: "The financial year.") var year: Int
        @Option(help: "The day (default: today).") var on: CivilDate?
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            try refusing { try database.open().presentAccounts(year: year, on: on ?? today()) }
            print("The accounts of \(year) were presented on \(on ?? today()).")
        }
    }
}

/// `buurtstem organisation confirm NAME --year Y [--on DATE] --text TEXT`
struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation", abstract: "Affiliated organisations' yearly confirmation of the statute's principles.",
        subcommands: [Confirm.self, List.self])

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an organisation's confirmation for a year.")
        @Argument(help: "The organisation, as the statute names it.") var name: String
        @Option(help: "The year confirmed (default: this year).") var year: Int?
        @Option(help: "The day (default: today).") var on: CivilDate?
        @Option(help: "What the organisation wrote.") var text: String
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            let day = on ?? today()
            try refusing { try database.open().confirmPrinciples(organisation: name, year: year ?? day.year, on: day, text: text) }
            print("\(name) confirmed the principles for \(year ?? day.year) on \(day).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every confirmation recorded.")
        @OptionGroup var database: DatabaseOptions
        func run() throws {
            for c in try database.open().confirmations() { print("\(c.year)  \(c.on)  \(c.organisation): \(c.text)") }
        }
    }
}

/// `buurtstem minutes ASSEMBLY [--format md|html] [--lang nl|en]`
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "The minutes of an assembly, to sign and archive (Markdown or print-ready HTML).",
        discussion: "Example:\n  buurtstem minutes 1 --format html --lang nl > notulen-2026-03-20.html")
    enum Format: String, ExpressibleByArgument { case md, html }
    @Argument(help: "The assembly.") var assembly: Int
    @Option(help: "md or html.") var format: Format = .md
    @Option(help: "nl or en.") var lang: String = "nl"
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is nl or en") }
        let minutes = try refusing { try database.open().minutes(assembly: assembly) }
        print(format == .md ? minutes.markdown(in: language) : minutes.html(in: language), terminator: "")
    }
}

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

/// `buurtstem decide-outside --title T --kind K --yes N --no N [--blank N] [--on DATE]`
struct DecideOutsideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide-outside", abstract: "Record a decision taken outside a meeting (in writing), where the statute allows it.",
        discussion: """
            The evidence is each member's written vote: --voters names a file with the id of every member
            who voted (one per line; not how they voted), and the counts must add up to them.
            Example:
              buurtstem decide-outside --title "Subsidieaanvraag" --kind gewoon --yes 14 --no 2 --voters stemmers.txt --on 2026-05-12
            """)
    @Option(help: "What was decided.") var title: String
    @Option(help: "The full text.") var text: String = ""
    @Option(help: "The kind of decision.") var kind: String = "gewoon"
    @Option(help: "Members in favour.") var yes: Int
    @Option(help: "Members against.") var no: Int
    @Option(help: "Members who abstained.") var blank: Int = 0
    @Option(help: "The day the decision was taken (default: today).") var on: CivilDate?
    @Option(help: "A file with the id of every member who voted in writing, one per line.") var voters: String
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        let ids = String(decoding: try readBytes(voters), as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(ResidentID.init)
        let outcome = try refusing {
            try database.open().decideOutsideMeeting(
                title: title, text: text, kind: kind, count: YesNoCount(yes: yes, no: no, blank: blank),
                voters: ids, on: on ?? today())
        }
        print("\(outcome.result == .adopted ? "Adopted" : "Not adopted"): \(outcome.en) (\(outcome.sources.map { $0.cited(in: .en) }.joined(separator: "; ")))")
    }
}
