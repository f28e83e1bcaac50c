public import Statuut

/// The votes on a yes/no proposal.
public struct YesNoCount: Sendable, Hashable {
    public var yes: Int
    public var no: Int
    /// Blank votes (abstentions).
    public var blank: Int

    public init(yes: Int, no: Int, blank: Int) {
        self.yes = yes
        self.no = no
        self.blank = blank
    }
}

/// The outcome of a yes/no decision under its decision kind's rules.
public struct DecisionOutcome: Sendable, Hashable {
    public enum Result: String, Sendable, Hashable, Codable {
        case adopted, rejected
        /// Votes tied and the statute lets the chair decide: the chair's vote is needed.
        case chairDecides
        /// Votes tied and the statute says vote again.
        case revote
        /// Not enough members there: no valid decision (a second meeting may follow).
        case noQuorum
    }

    public var result: Result
    /// The base the majority is counted against, and the votes needed.
    public var base: Int
    public var needed: Int
    public var quorum: QuorumStatus
    /// The reasoning, citing the rules (Dutch, English).
    public var nl: String
    public var en: String
    public var sources: [Provenance]
}

/// Decides a yes/no ballot exactly as its decision kind says: quorum, majority (an exact
/// fraction, strictly more or at least, of votes cast — with or without blanks — members present
/// or all members) and the tie rule.
public enum DecisionRule {
    /// - Parameter secondRound: this is the second round after a tie (`staking herstemming`); a tie
    ///   again rejects the proposal (BW 2 practice: no majority).
    /// - Parameter secondMeeting: the proposal failed for lack of quorum and is now before the second
    ///   meeting the statute gives (`tweede vergadering … zonder quorum`): decided without quorum.
    public static func decide(
        _ count: YesNoCount, kind: DecisionKind, attendance: Attendance, electorate: Int,
        secondMeeting: Bool = false, secondRound: Bool = false
    ) -> DecisionOutcome {
        decide(
            count, kind: kind, quorum: QuorumStatus.check(kind.quorum, attendance: attendance, electorate: electorate),
            present: attendance.votesAllowed, electorate: electorate, secondMeeting: secondMeeting, secondRound: secondRound)
    }

    /// Decides with the quorum and the members present (and represented) as they were when the
    /// ballot closed: the minutes and the compliance check judge a decision by the moment it was
    /// taken, not by who arrived later.
    public static func decide(
        _ count: YesNoCount, kind: DecisionKind, quorum: QuorumStatus, present: Int, electorate: Int,
        secondMeeting: Bool = false, secondRound: Bool = false
    ) -> DecisionOutcome {
        var outcome = decideOnce(
            count, kind: kind, quorum: quorum, present: present, electorate: electorate, secondMeeting: secondMeeting,
            secondRound: secondRound)
        if outcome.quorum.waived {
            outcome.nl = "tweede vergadering, besloten zonder quorum (\(outcome.quorum.counted) geteld, \(outcome.quorum.needed) was nodig); " + outcome.nl
            outcome.en = "second meeting, decided without quorum (\(outcome.quorum.counted) counted, \(outcome.quorum.needed) were needed); " + outcome.en
        }
        return outcome
    }

    private static func decideOnce(
        _ count: YesNoCount, kind: DecisionKind, quorum: QuorumStatus, present: Int, electorate: Int,
        secondMeeting: Bool, secondRound: Bool
    ) -> DecisionOutcome {
        let quorum = quorum.waived(for: kind, atSecondMeeting: secondMeeting)
        let waived = quorum.waived ? [kind.secondMeetingDays.source] : []
        let majority = kind.majority.value
        let blankCounts = kind.blankVotesCountAsCast.value
        let base: Int
        switch majority.base {
        case .votesCast: base = count.yes + count.no + (blankCounts ? count.blank : 0)
        // Members represented by proxy vote, so they count as present for the majority.
        case .membersPresent: base = present
        case .allMembers: base = electorate
        }
        let needed = majority.strict ? majority.share.minimumCountExceeding(of: base) : majority.share.minimumCount(of: base)
        let sources = [kind.majority.source, kind.blankVotesCountAsCast.source, kind.quorum.source] + waived
        let how = majority.strict ? ("meer dan", "more than") : ("minstens", "at least")
        let rule = (nl: "\(how.0) \(majority.share) van \(base)", en: "\(how.1) \(majority.share) of \(base)")
        guard quorum.met || quorum.waived else {
            return DecisionOutcome(
                result: .noQuorum, base: base, needed: needed, quorum: quorum,
                nl: "geen quorum: \(quorum.counted) geteld, \(quorum.needed) nodig", en: "no quorum: \(quorum.counted) counted, \(quorum.needed) needed",
                sources: [kind.quorum.source])
        }
        if majority.isMet(by: count.yes, of: base) {
            return DecisionOutcome(
                result: .adopted, base: base, needed: needed, quorum: quorum,
                nl: "aangenomen: \(count.yes) voor is \(rule.nl)", en: "adopted: \(count.yes) in favour is \(rule.en)", sources: sources)
        }
        if count.yes == count.no, count.yes > 0 || count.no > 0 {
            switch kind.tie.value {
            case .rejected:
                return DecisionOutcome(
                    result: .rejected, base: base, needed: needed, quorum: quorum,
                    nl: "de stemmen staken (\(count.yes) tegen \(count.no)): verworpen",
                    en: "the votes are tied (\(count.yes) to \(count.no)): rejected", sources: sources + [kind.tie.source])
            case .chairDecides:
                return DecisionOutcome(
                    result: .chairDecides, base: base, needed: needed, quorum: quorum,
                    nl: "de stemmen staken: de voorzitter beslist", en: "the votes are tied: the chair decides",
                    sources: sources + [kind.tie.source])
            case .revote where secondRound:
                return DecisionOutcome(
                    result: .rejected, base: base, needed: needed, quorum: quorum,
                    nl: "de stemmen staken opnieuw in de herstemming (\(count.yes) tegen \(count.no)): verworpen",
                    en: "the votes are tied again in the second round (\(count.yes) to \(count.no)): rejected",
                    sources: sources + [kind.tie.source, .legalDefault(LegalDefaults.tie)])
            case .revote:
                return DecisionOutcome(
                    result: .revote, base: base, needed: needed, quorum: quorum,
                    nl: "de stemmen staken: er wordt opnieuw gestemd", en: "the votes are tied: the vote is held again",
                    sources: sources + [kind.tie.source])
            }
        }
        return DecisionOutcome(
            result: .rejected, base: base, needed: needed, quorum: quorum,
            nl: "verworpen: \(count.yes) voor is niet \(rule.nl)", en: "rejected: \(count.yes) in favour is not \(rule.en)",
            sources: sources)
    }
}

/// The chair's casting decision after a tie, where the statute says `staking voorzitter beslist`.
public struct ChairDecision: Sendable, Hashable, Codable {
    public var adopted: Bool
    /// Who chaired (as written in the minutes).
    public var chair: String

    public init(adopted: Bool, chair: String) {
        self.adopted = adopted
        self.chair = chair
    }
}
