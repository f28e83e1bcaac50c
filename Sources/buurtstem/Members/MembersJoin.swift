import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

struct MembersJoin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Record an application and the board's admission in one step (opt-in statutes where the board admits).",
        discussion:
            "Examples:\n  buurtstem members join R000123 --on 2026-10-01\n  buurtstem members join R000123 --on 2026-10-01 --intake 2026-09-20 --meets-profile")
    @Argument(help: "The resident's id.") var id: String
    @Option(help: "The date of the request (default: today).") var on: CivilDate?
    @Option(help: "The date of the intake interview, where the statute requires one.") var intake: CivilDate?
    @Flag(help: "The board confirms the member fits the statute's profile.") var meetsProfile = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let event = try refusing { try db.join(ResidentID(id), on: on ?? today(), intakeOn: intake, meetsProfile: meetsProfile) }
        say("cliMemberFrom", ["id": "\(id)", "on": "\(event.effectiveOn)"])
    }
}
