import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Statuut

/// A ballot's result as the board reads it on the command line, in the command line's language:
/// the proposal, the outcome, the count, the quorum, the rule that decided, what was chosen.
/// `--format json` prints the stored result instead (what the audit log commits to).
enum BallotResultText {
    /// How a ballot command prints its result.
    enum Format: String, ExpressibleByArgument { case text, json }

    static func text(_ result: BallotResult, ballot id: BallotID, database db: AppDatabase) throws -> String {
        let language = Speech.language
        let ballot = try db.ballot(id)
        let title = try db.ballotTitle(id)
        let names = Dictionary(ballot.options.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var lines = [Speech.text("cliResultHeading", ["ballot": "\(id)", "proposal": "\(ballot.proposal)", "title": title])]
        if let count = result.yesNo {
            let outcome: String =
                switch result.decided {
                case .adopted, .decided: "outcomeAdopted"
                case .rejected: "outcomeRejected"
                case .noQuorum: "outcomeNoQuorum"
                case .revote: "outcomeRevote"
                case .chairDecides: "outcomeChairDecides"
                }
            lines.append(Speech.text("cliResultOutcome", ["outcome": Speech.text(outcome)]))
            lines.append(
                Speech.text(
                    "cliResultYesNo",
                    [
                        "yesLabel": Speech.text("choiceYes"), "yes": String(count.yes), "noLabel": Speech.text("choiceNo"), "no": String(count.no),
                        "blankLabel": Speech.text("choiceBlank"), "blank": String(count.blank),
                    ]))
            if let explanation = result.explanation { lines.append(explanation.text(in: language)) }
            if let chair = result.chairDecision?.chair { lines.append(Speech.text("chairDecidedAfterTie", ["chair": chair])) }
        } else {
            let elected = (result.elected ?? []).map { names[$0] ?? $0 }
            lines.append(
                result.outcome == .noQuorum
                    ? Speech.text("cliResultOutcome", ["outcome": Speech.text("outcomeNoQuorum")])
                    : elected.isEmpty ? Speech.text("nothingChosen") : Speech.text("chosen", ["names": elected.joined(separator: ", ")]))
            if let project = result.stoppedAt, let euros = result.topUp {
                lines.append(Speech.text("topUp", ["project": names[project] ?? project, "amount": Amounts.euros(euros, in: language)]))
            }
            // The rounds of a count by votes (a budget's rounds count money and are in the minutes).
            for round in ballot.method.needsBudget ? [] : result.rounds ?? [] where !round.counts.isEmpty {
                let counts = round.counts.map { "\(names[$0.id] ?? $0.id) \($0.value)" }.joined(separator: ", ")
                lines.append(Speech.text("cliResultRound", ["round": String(round.round), "counts": counts]))
            }
        }
        if let quorum = result.quorum {
            lines.append(
                quorum.waived == true
                    ? Speech.text("secondMeetingWithoutQuorum")
                    : quorum.needed == 0
                        ? Speech.text("cliNoQuorumRequired")
                        : Speech.text(
                            quorum.met ? "cliResultQuorumMet" : "cliResultQuorumNotMet", ["counted": String(quorum.counted), "needed": String(quorum.needed)]))
        }
        if let party = result.vetoedBy { lines.append(Speech.text("cliResultVetoed", ["party": party])) }
        if let version = result.newStatuteVersion, let from = result.newStatuteValidFrom {
            lines.append(Speech.text("cliResultNewStatute", ["version": String(version), "from": from.description]))
        }
        return lines.joined(separator: "\n")
    }
}
