import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut

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
        say(
            outcome.result == .adopted ? "cliOutsideAdopted" : "cliOutsideNotAdopted",
            [
                "explanation": Speech.language == .nl ? outcome.nl : outcome.en,
                "sources": outcome.sources.map { $0.cited(in: Speech.language) }.joined(separator: "; "),
            ])
    }
}
