import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

/// `buurtstem vote --code CODE --ballot B CHOICE`
struct VoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Cast a vote with a code (as the phone page does); prints the receipt.",
        discussion: "Example:\n  buurtstem vote --code K7QM-9XWD-3RTB-HQ2 --ballot 1 voor")
    @Option(help: "The voting code.") var code: String
    @Option(help: "The ballot's number (printed when it opened; `buurtstem assembly turnout ASSEMBLY` lists them).") var ballot: BallotID
    @Argument(help: "The choice, as for `ballot enter`.") var choice: String
    @OptionGroup var database: DatabaseOptions
    func run() async throws {
        let parsed: VotingCode
        do { parsed = try VotingCode(parsing: code) } catch { throw commandLineError(error) }
        let writer = VoteWriter(database: try database.open())
        let cast = try await refusingAsync { try await writer.cast(code: parsed, ballot: ballot, choice: choice) }
        say("cliVoteIn", ["receipt": cast.receipt])
    }
}
