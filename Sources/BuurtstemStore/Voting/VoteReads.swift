public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut

extension AppDatabase {

    /// The public bulletin board of a closed ballot: every receipt, and every choice as a separate
    /// list (see `PublicBoard`).
    public func ballotBoard(_ id: BallotID) throws -> PublicBoard {
        try writer.read { db in
            let ballot = try Self.ballot(db, id)
            guard !ballot.isOpen else {
                throw StoreError(nl: "het bord van stemming \(id) verschijnt zodra zij sluit", en: "the board of ballot \(id) is published when it closes")
            }
            return PublicBoard(
                ballot: id,
                receipts: try String.fetchAll(db, sql: "SELECT receipt FROM vote WHERE ballot_id = ? ORDER BY receipt", arguments: [id]),
                choices: try String.fetchAll(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? ORDER BY choice", arguments: [id])
                    .map { Choice(stored: $0, method: ballot.method) })
        }
    }

    /// The choice stored under a receipt, read back for the voter right after casting (the
    /// receipt page shows it, so the voter sees what was recorded before leaving the page).
    public func recordedChoice(ballot id: BallotID, receipt: String) throws -> Choice? {
        try writer.read { db in
            let method = try Self.ballot(db, id).method
            return try String.fetchOne(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt])
                .map { Choice(stored: $0, method: method) }
        }
    }

    /// Recounts a closed ballot from its public board; true when it gives the official result.
    public func recount(_ id: BallotID) throws -> (matches: Bool, recount: BallotResult) {
        try writer.read { db in
            let ballot = try Self.ballot(db, id)
            guard let official = ballot.counted else { throw StoreError(nl: "stemming \(id) heeft nog geen uitslag", en: "ballot \(id) has no result yet") }
            let proposal = try Self.proposal(db, ballot.proposal)
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard let kind = statute.decisionKind(named: proposal.kind) else { throw StoreError(nl: "onbekende soort besluit", en: "unknown decision kind") }
            let choices = try String.fetchAll(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? ORDER BY choice", arguments: [id])
                .map { Choice(stored: $0, method: ballot.method) }
            // Judged as at the close: the quorum and presence it recorded, a second meeting or round.
            let recount = BallotCounting.count(
                choices, method: ballot.method, options: ballot.options, seats: ballot.seats, budget: ballot.budget,
                kind: kind, attendance: try Self.attendance(db, assembly.id), electorate: try Self.electorate(db, assembly.id).count,
                secondMeeting: assembly.decidesWithoutQuorum(proposal), secondRound: ballot.roundOf != nil,
                closedWith: BallotCounting.closedWith(official))
            return (recount.sameCount(as: official), recount)
        }
    }
}

/// The public board of a closed ballot, receipt-free: the receipts (each voter finds theirs: proof
/// that their vote is in the count) and the choices as a separate list sorted by choice (anyone
/// can recount it). No choice stands beside a receipt, so a receipt proves nothing to a neighbour
/// or a buyer; the voter saw their recorded choice privately, on their own phone, when they voted.
public struct PublicBoard: Sendable, Hashable {
    public var ballot: BallotID
    /// Every receipt, sorted.
    public var receipts: [String]
    /// Every counted choice (paper votes too), sorted by its stored form.
    public var choices: [Choice]
}

/// Turnout of an assembly, for the projector and the API: no choices, only counts.
public struct Turnout: Sendable, Hashable {
    public var assembly: AssemblyID
    public var electorate: Int
    public var present: Int
    public var represented: Int
    public var quorum: QuorumStatus
    /// Votes cast so far on each ballot of the assembly (ballot id, proposal title, open, count).
    public var ballots: [(id: BallotID, title: String, open: Bool, votes: Int)]

    public static func == (lhs: Turnout, rhs: Turnout) -> Bool {
        lhs.assembly == rhs.assembly && lhs.present == rhs.present && lhs.ballots.map(\.votes) == rhs.ballots.map(\.votes)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(assembly) }
}

extension AppDatabase {
    /// Which called or open assembly a code belongs to, its member, its state and the first ballot
    /// it may vote on (nil: every ballot); nil for an unknown code.
    public func findCode(_ code: VotingCode) throws -> FoundCode? {
        try writer.read { db in
            for id in try AssemblyID.fetchAll(
                db, sql: "SELECT assembly_id FROM assembly_secret JOIN assembly ON assembly.id = assembly_id WHERE assembly.state IN ('called', 'open')")
            {
                let secret = [UInt8](try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [id]) ?? Data())
                let hash = Data(code.keyedHash(secret: secret).bytes)
                if let row = try Row.fetchOne(
                    db, sql: "SELECT resident_id, state, first_ballot FROM voting_code WHERE code_hash = ? AND assembly_id = ?",
                    arguments: [hash, id])
                {
                    return FoundCode(
                        assembly: id, member: ResidentID(row["resident_id"] as String), state: row["state"], firstBallot: row["first_ballot"])
                }
            }
            return nil
        }
    }

    /// Whether this code has voted on this ballot.
    public func hasVoted(_ code: VotingCode, ballot id: BallotID) throws -> Bool {
        try writer.read { db in
            guard
                let assembly = try AssemblyID.fetchOne(
                    db, sql: "SELECT proposal.assembly_id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?",
                    arguments: [id])
            else { return false }
            let marker = Data(code.ballotMarker(secret: try Self.secret(db, assembly: assembly), ballot: id).bytes)
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM code_vote WHERE ballot_id = ?1 AND marker = ?2) + (SELECT COUNT(*) FROM carried_vote WHERE ballot_id = ?1 AND marker = ?2)
                    """, arguments: [id, marker]) == 1
        }
    }

    /// The ids of the assembly's open ballots.
    public func openBallots(assembly id: AssemblyID) throws -> [BallotID] {
        try writer.read { db in
            try BallotID.fetchAll(
                db,
                sql: """
                    SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE proposal.assembly_id = ? AND ballot.state = 'open' ORDER BY ballot.id
                    """, arguments: [id])
        }
    }

    /// Whether the statute lets a member replace their vote on this ballot until it closes.
    public func votesMayBeChanged(ballot id: BallotID) throws -> Bool {
        try writer.read { db in
            var ballots = BallotsForVoting()
            return try ballots.ballot(db, id).changeable
        }
    }

    /// The title of a ballot's proposal.
    public func ballotTitle(_ id: BallotID) throws -> String {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT proposal.title FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?", arguments: [id]) ?? ""
        }
    }

    /// The proposal a ballot decides (its title and its full text, for the voter).
    public func ballotProposal(_ id: BallotID) throws -> Proposal {
        try writer.read { db in try Self.proposal(db, try Self.ballot(db, id).proposal) }
    }

    /// Attendance, quorum and the number of votes on each ballot of an assembly.
    public func turnout(assembly id: AssemblyID) throws -> Turnout {
        try writer.read { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            let attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id).count
            let ballots = try Row.fetchAll(
                db,
                sql: """
                    SELECT ballot.id, proposal.title, ballot.state, (SELECT COUNT(*) FROM vote WHERE vote.ballot_id = ballot.id) AS votes
                    FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ? ORDER BY ballot.id
                    """, arguments: [id]
            ).map { (id: $0["id"] as BallotID, title: $0["title"] as String, open: ($0["state"] as String) == "open", votes: $0["votes"] as Int) }
            return Turnout(
                assembly: id, electorate: electorate, present: attendance.present.count, represented: attendance.represented,
                quorum: QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate), ballots: ballots)
        }
    }
}
