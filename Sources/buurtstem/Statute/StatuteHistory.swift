import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem statute history`: every version of the association's statute, which one is in force
/// and which waits for its own date.
struct StatuteHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every version of the association's statute: from when, how adopted, in force or waiting.",
        discussion: "Example:\n  buurtstem statute history --on 2026-12-04 --db wildeman.sqlite")
    @Option(help: "The day to judge 'in force' by (default: today).") var on: CivilDate?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let versions = try database.open().statuteVersions()
        let day = on ?? today()
        let current = versions.last { $0.validFrom <= day }
        for version in versions {
            let state =
                version == current
                ? Speech.text("cliInForce")
                : version.validFrom > day ? Speech.text("cliWaitingUntil", ["on": "\(version.validFrom)"]) : Speech.text("cliReplaced")
            print(
                "\(version.id)  from \(version.validFrom)  \(state.padding(28))  \(version.adoptedHow)  sha256 \(version.sha256.prefix(12))…  \(version.fileName)"
            )
        }
    }
}
