import Foundation
public import Statuut

/// An option on a ballot: a candidate, a choice, or a project with its cost, and what it is.
public struct BallotOption: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Whole euros, for budget ballots.
    public var cost: Int?
    /// What the option is, in a sentence or two, shown under its name on the ballot (a project's
    /// plan, a candidate's introduction). Left out of the stored options when there is none.
    public var description: String?

    public init(id: String, name: String, cost: Int? = nil, description: String? = nil) {
        self.id = id
        self.name = name
        self.cost = cost
        self.description = description
    }

    /// Why a written option cannot be read.
    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var nl: String
        public var en: String
        public var description: String { en }
    }

    /// Reads `ID:NAME`, `ID:NAME:COST` (cost in whole euros), and either with `:DESCRIPTION` after
    /// the cost (`ID:NAME::DESCRIPTION` without one), as the command line and the board page take it.
    public init(parsing text: String) throws(Malformed) {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let id = parts.first, !id.isEmpty, !id.contains(",") else {
            throw Malformed(
                nl: "een keuze is ID:NAAM, ID:NAAM:BEDRAG of ID:NAAM:BEDRAG:OMSCHRIJVING (niet \"\(text)\")",
                en: "an option is ID:NAME, ID:NAME:COST or ID:NAME:COST:DESCRIPTION (not \"\(text)\")")
        }
        var cost: Int?
        if parts.count >= 3, !parts[2].isEmpty {
            guard let euros = Int(parts[2]), euros >= 0 else {
                throw Malformed(nl: "het bedrag in \"\(text)\" is geen heel aantal euro", en: "the cost in \"\(text)\" is not a whole number of euros")
            }
            cost = euros
        }
        let description = parts.count == 4 && !parts[3].isEmpty ? parts[3] : nil
        self.init(id: id, name: parts.count > 1 && !parts[1].isEmpty ? parts[1] : id, cost: cost, description: description)
    }
}

/// Turning a ballot's votes into a result: the count by method.
public enum BallotCounting {
    /// Counts the votes of a ballot by its method; a yes/no ballot is decided by its decision kind.
    public static func count(
        _ choices: [Choice], method: TallyMethod, options: [BallotOption], seats: Int?, budget: Int?,
        kind: DecisionKind, attendance: Attendance, electorate: Int, secondMeeting: Bool = false,
        secondRound: Bool = false, closedWith: (quorum: QuorumStatus, present: Int)? = nil
    ) -> BallotResult {
        // The quorum and presence the result is judged by: as recorded at the close when recounting, else now.
        let atClose = closedWith ?? (QuorumStatus.check(kind.quorum, attendance: attendance, electorate: electorate), attendance.votesAllowed)
        let ids = options.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let ranked = choices.map { $0.optionIDs.compactMap { index[$0] } }
        switch method {
        case .yesNo:
            let count = YesNoCount(
                yes: choices.filter { $0 == .yes }.count, no: choices.filter { $0 == .no }.count,
                blank: choices.filter { $0 == .blank }.count)
            let outcome = DecisionRule.decide(
                count, kind: kind, quorum: atClose.quorum, present: atClose.present, electorate: electorate,
                secondMeeting: secondMeeting, secondRound: secondRound)
            var result = BallotResult(method: "yes-no", outcome: BallotResult.Outcome(outcome.result))
            (result.yes, result.no, result.blank) = (count.yes, count.no, count.blank)
            result.present = atClose.present
            (result.base, result.needed) = (outcome.base, outcome.needed)
            result.quorum = recorded(outcome.quorum)
            result.explanation = Bilingual(outcome.nl, outcome.en)
            result.rules = outcome.sources.map { $0.cited(in: .nl) }
            return result
        case .plurality, .instantRunoff, .singleTransferableVote, .schulze:
            var profile = RankedProfile(candidates: ids, names: options.map(\.name))
            for ballotChoice in ranked where !ballotChoice.isEmpty { profile.add(order: ballotChoice) }
            let result: TallyResult
            switch method {
            case .plurality: result = Plurality.tally(profile)
            case .instantRunoff: result = InstantRunoff.tally(profile)
            case .singleTransferableVote: result = ScottishSTV.tally(profile, seats: seats ?? 1)
            default: result = Schulze.tally(profile)
            }
            return withQuorum(
                withoutUnvoted(result, voted: voted(ranked, ids)), kind: kind, atClose: atClose, secondMeeting: secondMeeting,
                blank: ranked.filter(\.isEmpty).count)
        case .approval:
            let result = Plurality.approval(ranked, options: ids, names: options.map(\.name), winners: seats ?? 1)
            return withQuorum(
                withoutUnvoted(result, voted: voted(ranked, ids)), kind: kind, atClose: atClose, secondMeeting: secondMeeting,
                blank: ranked.filter(\.isEmpty).count)
        case .equalShares, .greedy, .greedyTopUp:
            let projects = options.map { ApprovalProfile.Project(id: $0.id, name: $0.name, cost: $0.cost ?? 0) }
            let profile = ApprovalProfile(projects: projects, budget: budget ?? 0, ballots: ranked)
            let result: TallyResult
            switch method {
            case .greedy: result = EqualShares.greedy(profile)
            case .greedyTopUp: result = EqualShares.greedyWithTopUp(profile)
            default: result = EqualShares.tally(profile)
            }
            return withQuorum(
                withoutUnvoted(result, voted: voted(ranked, ids)), kind: kind, atClose: atClose, secondMeeting: secondMeeting,
                blank: ranked.filter(\.isEmpty).count)
        }
    }

    /// The options that appear on at least one ballot.
    static func voted(_ ballots: [[Int]], _ ids: [String]) -> Set<String> {
        Set(ballots.flatMap { $0 }.map { ids[$0] })
    }

    /// An option nobody voted for is never elected (a ballot nobody voted on elects nothing): not by
    /// a tie-break over zeros, not by a budget left over. The result says so when it drops one.
    public static func withoutUnvoted(_ result: TallyResult, voted: Set<String>) -> TallyResult {
        let dropped = result.elected.filter { !voted.contains($0) }
        guard !dropped.isEmpty else { return result }
        var result = result
        result.elected.removeAll { !voted.contains($0) }
        let names = dropped.map { result.names[$0] ?? $0 }.joined(separator: ", ")
        result.rounds.append(
            TallyRound(
                number: result.rounds.count + 1, counts: [], elected: result.elected,
                note: voted.isEmpty
                    ? "nobody voted: nothing is chosen"
                    : "no vote for \(names): not chosen, whatever a tie-break or the budget left would give"))
        result.details["notChosenWithoutVotes"] = .array(dropped.map(JSONValue.string))
        return result
    }

    private static func withQuorum(
        _ tally: TallyResult, kind: DecisionKind, atClose: (quorum: QuorumStatus, present: Int), secondMeeting: Bool,
        blank: Int
    ) -> BallotResult {
        let quorum = atClose.quorum.waived(for: kind, atSecondMeeting: secondMeeting)
        var result = BallotResult(tally: tally, outcome: quorum.met || quorum.waived ? .decided : .noQuorum)
        result.quorum = recorded(quorum)
        result.blank = blank
        result.present = atClose.present
        return result
    }

    /// The quorum and the members present or represented a stored result recorded at its close
    /// (nil for results from before presence was recorded).
    public static func closedWith(_ result: BallotResult) -> (quorum: QuorumStatus, present: Int)? {
        guard let quorum = result.quorum, let present = result.present else { return nil }
        return (QuorumStatus(met: quorum.met, counted: quorum.counted, needed: quorum.needed, source: .header), present)
    }

    /// The quorum as the result records it (`waived` only at a second meeting that decided without it).
    static func recorded(_ quorum: QuorumStatus) -> BallotResult.Quorum {
        BallotResult.Quorum(met: quorum.met, counted: quorum.counted, needed: quorum.needed, waived: quorum.waived ? true : nil)
    }
}
