import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem advice --shareholder NAME --proposal P [--consent | --refusal]`
struct AdviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advice", abstract: "Record a social shareholder's advice, consent or refusal on a proposal.",
        discussion: "Example:\n  buurtstem advice --shareholder \"Gemeente Breda\" --proposal 3 --consent --on 2026-07-03 --text akkoord")
    enum Kind: String, EnumerableFlag { case advice, consent, refusal }
    @Option(help: "The shareholder, as named in the statute.") var shareholder: String
    @Option(help: "The proposal's number (printed when it was submitted; see `buurtstem proposal list`).") var proposal: ProposalID
    @Flag(help: "What is recorded (default: advice).") var kind: Kind = .advice
    @Option(help: "The day given (default: today).") var on: CivilDate?
    @Option(help: "The text of the advice.") var text: String = ""
    @OptionGroup var database: DatabaseOptions
    func run() throws {
        try refusing {
            try database.open().recordShareholderResponse(
                ShareholderResponse(
                    shareholder: shareholder, proposal: proposal, kind: ShareholderResponse.Kind(rawValue: kind.rawValue)!,
                    on: on ?? today(), text: text))
        }
        say("cliResponse-\(kind.rawValue)", ["shareholder": shareholder, "proposal": "\(proposal)"])
    }
}
