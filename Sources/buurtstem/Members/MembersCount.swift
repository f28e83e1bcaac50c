import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

struct MembersCount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count the members on a date.",
        discussion: "Example:\n  buurtstem members count --on 2026-10-01 --db wildeman.sqlite")
    @Option(help: "The date (default: today).") var on: CivilDate?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let date = on ?? today()
        let (members, statute) = try database.open().members(on: date)
        say("cliMembersCount", ["count": String(members.count), "name": statute.name, "date": "\(date)"])
    }
}
