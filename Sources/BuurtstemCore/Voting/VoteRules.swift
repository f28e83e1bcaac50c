public import Statuut

/// A voting code's state: handed out, active once its member checked in (or a proxy was
/// recorded), revoked when a new code replaced it.
public enum CodeState: String, Sendable, Hashable, CaseIterable, Codable {
    case issued, active, revoked
}

/// What a code may do on a ballot: the voting rules, as pure decisions. The store only seals,
/// inserts and audits what they decide (`AppDatabase.castVote`).
public enum VoteRules {
    /// Whether a code may vote on `ballot` at all: the ballot is open, the code belongs to this
    /// assembly (`state` nil: it does not), is active, and was handed out before the ballot opened
    /// or without an earlier code that could have voted (`firstBallot`: the first ballot it may vote on).
    public static func admission(ballotOpen: Bool, state: CodeState?, firstBallot: BallotID?, ballot: BallotID) -> VoteRejection? {
        guard ballotOpen else { return .ballotClosed }
        guard let state else { return .unknownCode }
        switch state {
        case .revoked: return .revoked
        case .issued: return .notCheckedIn
        case .active: break
        }
        if let firstBallot, ballot < firstBallot { return .codeNewerThanBallot }
        return nil
    }

    /// What a code that has a vote on this ballot already (its own, or one carried over from the
    /// member's earlier code) does with a new one.
    public enum Repeat: Sendable, Hashable {
        /// The new vote replaces the old one (found through the receipt only the code can open).
        case replace
        /// The first vote counts.
        case refuse(VoteRejection)
    }

    /// A second vote replaces the first only where the ballot lets votes be changed, and only when
    /// the old vote can be found again (its receipt sealed under the code).
    public static func repeatVote(changeable: Bool, oldVoteFound: Bool) -> Repeat {
        changeable && oldVoteFound ? .replace : .refuse(.alreadyVoted)
    }
}

/// What casting a vote did, as the transaction that wrote it knows it: the receipt, the choice as
/// stored, whether it replaced an earlier vote of the same code, and the ballot's options (to show
/// the choice by name). Nothing needs to be read back after the write.
public struct CastVote: Sendable, Hashable {
    public var receipt: String
    public var choice: Choice
    public var replaced: Bool
    public var method: TallyMethod
    public var options: [BallotOption]
    public var budget: Int?

    public init(receipt: String, choice: Choice, replaced: Bool, method: TallyMethod, options: [BallotOption], budget: Int?) {
        self.receipt = receipt
        self.choice = choice
        self.replaced = replaced
        self.method = method
        self.options = options
        self.budget = budget
    }
}
