import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

struct MembersLeave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave", abstract: "Record a member's resignation; it takes effect as the statute says.",
        discussion: "Example:\n  buurtstem members leave R000123 --on 2026-10-01")
    @Argument(help: "The resident's id.") var id: String
    @Option(help: "The date the resignation is given (default: today).") var on: CivilDate?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let event = try refusing { try db.leave(ResidentID(id), on: on ?? today()) }
        say("cliMemberLeft", ["id": "\(id)", "requested": "\(event.requestedOn)", "on": "\(event.effectiveOn)"])
    }
}
