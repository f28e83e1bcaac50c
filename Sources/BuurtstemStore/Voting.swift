public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut

/// Why a vote was not accepted. `countsAsFailedAttempt` tells the rate limiter whether someone
/// may be guessing codes (a typo or a second vote does not count).
public enum VoteRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case typo(VotingCode.Problem)
    case unknownCode
    case notCheckedIn
    case revoked
    case alreadyVoted
    case ballotClosed
    case noSuchBallot
    case invalidChoice(Refusal)
    /// The code was handed out after this ballot opened, while the member's earlier code could
    /// vote on it: it votes on later ballots only (one member, one vote).
    case codeNewerThanBallot
    /// The server's disk is full (or failing): the vote was not written; it can be cast again
    /// once there is room. Nothing acknowledged is lost: a vote is acknowledged only after its commit.
    case storageFull

    /// A stable id for the JSON API.
    public var id: String {
        switch self {
        case .typo: return "typo"
        case .unknownCode: return "unknown-code"
        case .notCheckedIn: return "not-checked-in"
        case .revoked: return "code-revoked"
        case .alreadyVoted: return "already-voted"
        case .ballotClosed: return "ballot-closed"
        case .noSuchBallot: return "no-such-ballot"
        case .invalidChoice: return "invalid-choice"
        case .codeNewerThanBallot: return "code-newer-than-ballot"
        case .storageFull: return "storage-full"
        }
    }

    public var countsAsFailedAttempt: Bool { self == .unknownCode }

    public var description: String {
        switch self {
        case .typo(let problem): return problem.description
        case .unknownCode: return "this code is not valid for this assembly"
        case .notCheckedIn: return "please check in at the desk first; your code becomes active there"
        case .revoked: return "this code was replaced by a new one; use the newest letter"
        case .alreadyVoted: return "this code has already voted on this ballot"
        case .ballotClosed: return "this ballot is closed"
        case .noSuchBallot: return "there is no such ballot"
        case .invalidChoice(let why): return why.en
        case .codeNewerThanBallot:
            return
                "this code was handed out after this ballot opened, and the earlier code may have voted on it; it votes on later ballots (bring the earlier letter to the desk to carry its votes over)"
        case .storageFull: return "the server cannot write right now (its disk is full); this vote was not counted; try again in a few minutes"
        }
    }

    /// A write that failed because the disk is full or failing, as a refusal the voter can act on;
    /// any other error unchanged.
    static func storage(_ error: any Error) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        switch database.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN: return VoteRejection.storageFull
        default: return error
        }
    }
}

extension AppDatabase {

    /// Casts one vote with a code, in one transaction: the code's use on this ballot and the vote
    /// are written together (a unique key makes a second use impossible), the vote itself holds
    /// only the ballot, a random receipt and the choice. Returns the receipt.
    public func castVote(code: VotingCode, ballot: Int, choice: String) throws -> String {
        do { return try castVoteWriting(code: code, ballot: ballot, choice: choice) } catch { throw VoteRejection.storage(error) }
    }

    private func castVoteWriting(code: VotingCode, ballot: Int, choice: String) throws -> String {
        try writer.write { db in
            var appender = try AuditAppender(db, at: clock.now())
            var ballots = BallotsForVoting()
            let receipt = try Self.castVote(db, code: code, ballot: ballot, choice: choice, ballots: &ballots, audit: &appender)
            try appender.finish(db)
            return receipt
        }
    }

    /// What a vote needs to know about its ballot, read once per transaction (a batch of votes).
    struct BallotsForVoting {
        struct Ballot {
            var open: Bool
            var method: TallyMethod
            var options: [BallotOption]
            var secret: [UInt8]
            /// The statute lets a member replace their vote until the close.
            var changeable: Bool
        }
        private var known: [Int: Ballot] = [:]

        mutating func ballot(_ db: Database, _ id: Int) throws -> Ballot {
            if let ballot = known[id] { return ballot }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT ballot.state, ballot.method, ballot.options, proposal.assembly_id, proposal.kind
                        FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?
                        """, arguments: [id])
            else { throw VoteRejection.noSuchBallot }
            let assembly = try AppDatabase.assembly(db, row[3])
            let (statute, _) = try AppDatabase.statute(db, on: assembly.date)
            let ballot = Ballot(
                open: (row[0] as String) == "open", method: try row.decode(TallyMethod.self, atIndex: 1),
                options: try JSONDecoder().decode([BallotOption].self, from: Data((row[2] as String).utf8)),
                secret: try AppDatabase.secret(db, assembly: row[3]),
                changeable: statute.decisionKind(named: row[4])?.votesMayBeChanged.value ?? false)
            known[id] = ballot
            return ballot
        }
    }

    /// One vote inside the caller's transaction: checks, the code's use and the vote, and the
    /// audit entry (appended to `audit`; the caller finishes it once for the whole batch).
    static func castVote(
        _ db: Database, code: VotingCode, ballot id: Int, choice: String, ballots: inout BallotsForVoting,
        audit: inout AuditAppender
    ) throws -> String {
        let ballot = try ballots.ballot(db, id)
        guard ballot.open else { throw VoteRejection.ballotClosed }
        let hash = Data(code.keyedHash(secret: ballot.secret).bytes)
        // The hash is keyed per assembly, so finding it is finding the code in this assembly.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, first_ballot FROM voting_code WHERE code_hash = ?"), arguments: [hash]) else {
            throw VoteRejection.unknownCode
        }
        switch row[0] as CodeState {
        case .revoked: throw VoteRejection.revoked
        case .issued: throw VoteRejection.notCheckedIn
        case .active: break
        }
        if let first = row[1] as Int?, id < first { throw VoteRejection.codeNewerThanBallot }
        let normalised: String
        do throws(Refusal) { normalised = try Choice(choice, method: ballot.method, options: ballot.options).stored } catch {
            throw VoteRejection.invalidChoice(error)
        }
        // "This code voted on this ballot" under a marker only the plain code produces: it never
        // joins `voting_code`, so the rows written together here name no member.
        let marker = Data(code.ballotMarker(secret: ballot.secret, ballot: id).bytes)
        let receipt = Receipts.make()
        let key = code.receiptKey(secret: ballot.secret, ballot: id)
        let sealed = try ChaChaPoly.seal(Data(receipt.utf8), using: key).combined
        let commitment = VoteCommitment.vote(secret: ballot.secret, ballot: id, receipt: receipt, choice: normalised)
        // A vote carried over from this member's earlier code (they brought the old letter at a reissue).
        if let carried = try Row.fetchOne(db, sql: "SELECT sealed FROM carried_vote WHERE ballot_id = ? AND marker = ?", arguments: [id, marker]) {
            guard ballot.changeable, let data = carried[0] as Data?, let box = try? ChaChaPoly.SealedBox(combined: data),
                let opened = try? ChaChaPoly.open(box, using: key), opened.count > 32
            else { throw VoteRejection.alreadyVoted }
            let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened.dropFirst(32), as: UTF8.self), secret: ballot.secret)
            let resealed = try ChaChaPoly.seal(Data(opened.prefix(32)) + Data(receipt.utf8), using: key).combined
            try db.execute(sql: "UPDATE carried_vote SET sealed = ? WHERE ballot_id = ? AND marker = ?", arguments: [resealed, id, marker])
            try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
            try audit.append(
                actor: .system, action: .voteReplaced,
                payload: .object([
                    "ballot": .int(id), "removed": .string(removed), "vote": .string(commitment),
                ]))
            return receipt
        }
        let codeUse = VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](sealed))
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO code_vote (ballot_id, marker, sealed_receipt) VALUES (?, ?, ?)")
            .execute(arguments: [id, marker, sealed])
        if db.changesCount == 1 {
            try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
            // The audit entry commits to the vote row and the code-use row (keyed: see VoteCommitment),
            // never to the member or the code.
            try audit.append(
                actor: .system, action: .voteCast,
                payload: .object([
                    "ballot": .int(id), "vote": .string(commitment), "code": .string(codeUse),
                ]))
            return receipt
        }
        // This code voted before. Where the statute allows it, the new vote replaces the old one:
        // only the code opens the sealed receipt, so only the voter can find their old vote.
        guard ballot.changeable else { throw VoteRejection.alreadyVoted }
        guard let old = try Data.fetchOne(db, sql: "SELECT sealed_receipt FROM code_vote WHERE ballot_id = ? AND marker = ?", arguments: [id, marker]),
            let box = try? ChaChaPoly.SealedBox(combined: old), let opened = try? ChaChaPoly.open(box, using: key)
        else {
            throw VoteRejection.alreadyVoted  // a vote from before sealed receipts existed cannot be found again
        }
        let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened, as: UTF8.self), secret: ballot.secret)
        try db.execute(sql: "UPDATE code_vote SET sealed_receipt = ? WHERE ballot_id = ? AND marker = ?", arguments: [sealed, id, marker])
        try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
        try audit.append(
            actor: .system, action: .voteReplaced,
            payload: .object([
                "ballot": .int(id), "removed": .string(removed), "vote": .string(commitment),
                "codeBefore": .string(VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](old))),
                "code": .string(codeUse),
            ]))
        return receipt
    }

    /// Deletes the vote under `receipt` (being replaced) and returns its commitment.
    private static func removeVote(_ db: Database, ballot id: Int, receipt: String, secret: [UInt8]) throws -> String {
        guard let choice = try String.fetchOne(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt]) else {
            throw VoteRejection.alreadyVoted
        }
        try db.execute(sql: "DELETE FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt])
        return VoteCommitment.vote(secret: secret, ballot: id, receipt: receipt, choice: choice)
    }

    static func secret(_ db: Database, assembly id: Int) throws -> [UInt8] {
        if let data = try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [id]) { return [UInt8](data) }
        var random = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
        try db.execute(sql: "INSERT INTO assembly_secret (assembly_id, secret) VALUES (?, ?)", arguments: [id, Data(secret)])
        return secret
    }
}
