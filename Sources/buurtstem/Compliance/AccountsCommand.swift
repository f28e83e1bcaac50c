import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

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
            say("cliAccountsPresented", ["year": String(year), "on": "\(on ?? today())"])
        }
    }
}
