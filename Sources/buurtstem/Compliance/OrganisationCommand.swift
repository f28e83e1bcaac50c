import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

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
            say("cliOrganisationConfirmed", ["name": name, "year": String(year ?? day.year), "on": "\(day)"])
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
